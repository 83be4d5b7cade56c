using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;

namespace Vigil.Scanning.Tests.Catalogers;

public class DpkgCatalogerTests
{
    [Fact]
    public void Finds_the_same_installed_packages_and_sources_as_dpkg_query_on_this_machine()
    {
        Assert.SkipUnless(File.Exists("/var/lib/dpkg/status") && ProcessRunner.Exists("dpkg-query"), "needs a Debian host");
        using var root = new TempDirectory();
        root.Copy("/etc/os-release", "etc/os-release");
        var status = root.Copy("/var/lib/dpkg/status", "var/lib/dpkg/status");
        var expected = ProcessRunner.Run("dpkg-query", ["--admindir", Path.GetDirectoryName(status)!, "-W",
                "-f", "${db:Status-Abbrev}|${Package}|${Version}|${source:Package}|${source:Version}|${Architecture}\n"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("ii", StringComparison.Ordinal) || line.StartsWith("iU", StringComparison.Ordinal))
            .Select(line => string.Join('|', line.Split('|').Skip(1)))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var result = new Cataloging([new DpkgCataloger()]).Run(new DirectoryFileTree(root.Path));

        var actual = result.Document.Components
            .Select(c => $"{c.Name}|{c.Version}|{c.SourceName}|{c.SourceVersion}|{Arch(c.Purl)}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(expected.Length > 100, "the host should have a real package set");
        Assert.Equal(expected, actual);
        Assert.All(result.Document.Components, c =>
        {
            Assert.Equal("debian-12", c.Distro);
            Assert.Equal("Debian", c.Ecosystem);
            Assert.StartsWith("pkg:deb/debian/", c.Purl, StringComparison.Ordinal);
            Assert.Equal(["var/lib/dpkg/status"], c.Locations);
        });
    }

    [Fact]
    public void Keeps_epoch_as_qualifier_and_binNMU_source_version()
    {
        using var root = new TempDirectory();
        root.Write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
        root.Write("var/lib/dpkg/status", """
            Package: login
            Status: install ok installed
            Architecture: amd64
            Source: shadow (1:4.13+dfsg1-1)
            Version: 1:4.13+dfsg1-1+b1
            Description: system login tools
             continuation line: not a field

            Package: removed-one
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1

            """);
        root.Write("var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n");
        root.Write("var/lib/dpkg/status.d/base-files.md5sums", "d41d8cd98f00b204e9800998ecf8427e  etc/issue\n");

        var components = new Cataloging([new DpkgCataloger()]).Run(new DirectoryFileTree(root.Path)).Document.Components;

        Assert.Equal(["base-files", "login"], components.Select(c => c.Name));
        var login = components.Single(c => c.Name == "login");
        Assert.Equal("pkg:deb/debian/login@4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12&epoch=1", login.Purl);
        Assert.Equal(("shadow", "1:4.13+dfsg1-1"), (login.SourceName, login.SourceVersion));
        Assert.Equal("1:4.13+dfsg1-1+b1", login.Version);
        Assert.Equal(["var/lib/dpkg/status.d/base-files"], components.Single(c => c.Name == "base-files").Locations);
    }

    private static string Arch(string purl) => Vigil.Scanning.Purls.PackageUrl.Parse(purl).Qualifiers["arch"];
}
