using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;

namespace Vigil.Scanning.Tests.Catalogers;

public class ApkCatalogerTests
{
    // An excerpt of an Alpine 3.20 lib/apk/db/installed in its real layout (checksums, files and modes kept).
    private const string Installed = """
        C:Q1pXuKsDS3qBq3yq4eAVUI6BTV0m0=
        P:musl
        V:1.2.5-r0
        A:x86_64
        S:411323
        I:651264
        T:the musl c library (libc) implementation
        U:https://musl.libc.org/
        L:MIT
        o:musl
        m:Natanael Copa <ncopa@alpinelinux.org>
        t:1712147651
        c:6b0dd4c6fa0e2a4e7fdb8e7e1a5bbcbf6b8b0df3
        F:lib
        R:ld-musl-x86_64.so.1
        a:0:0:755
        Z:Q1d4k1oDRU4ScoGr/PTNNt6GBR7g8=

        C:Q1ZpSGu5cO9Vr7E9gZg5E8FAdFJ0Q=
        P:libcrypto3
        V:3.3.2-r0
        A:x86_64
        S:1811285
        o:openssl
        m:Ariadne Conill <ariadne@dereferenced.org>

        """;

    [Fact]
    public void Reads_packages_with_origin_as_source_and_alpine_distro()
    {
        using var root = new TempDirectory();
        root.Write("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n");
        root.Write("lib/apk/db/installed", Installed);

        var result = new Cataloging([new ApkCataloger()]).Run(new DirectoryFileTree(root.Path));

        Assert.Equal("alpine", result.Document.OperatingSystem!.Id);
        var crypto = Assert.Single(result.Document.Components, c => c.Name == "libcrypto3");
        Assert.Equal("pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3", crypto.Purl);
        Assert.Equal(("openssl", "3.3.2-r0"), (crypto.SourceName, crypto.SourceVersion));
        Assert.Equal("Alpine", crypto.Ecosystem);
        Assert.Equal(2, result.Document.Components.Count);
    }
}
