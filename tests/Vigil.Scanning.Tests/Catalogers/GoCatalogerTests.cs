using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Catalogers;

public class GoCatalogerTests
{
    [Fact]
    public void Binary_built_with_Go_1_19_yields_stdlib_and_its_module_dependency()
    {
        Assert.SkipUnless(GoBinaryFixture.Available, "needs Debian's golang-1.19-go");
        var binary = GoBinaryFixture.Binary;

        var result = new Cataloging([new GoBinaryCataloger()]).Run(new DirectoryFileTree(Path.GetDirectoryName(binary)!));

        var stdlibVersion = GoBinaryFixture.ToolchainVersion["go".Length..];
        Assert.StartsWith("1.19.", stdlibVersion, StringComparison.Ordinal);
        Assert.Equal(
            [$"pkg:golang/example.com/greeting@{GoBinaryFixture.DependencyVersion}", $"pkg:golang/stdlib@{stdlibVersion}"],
            result.Document.Components.Select(c => c.Purl));
        Assert.All(result.Document.Components, c => Assert.Equal(["hello"], c.Locations));
        Assert.Equal("Go", result.Document.Components[0].Ecosystem);
        Assert.Equal("example.com/greeting", result.Document.Components[0].Name);
    }

    [Fact]
    public void Non_Go_ELF_binaries_yield_nothing()
    {
        using var root = new TempDirectory();
        // dotnet's host is a large native ELF binary that is not written in Go.
        var host = new FileInfo("/usr/lib/dotnet/dotnet").Exists ? "/usr/lib/dotnet/dotnet" : "/usr/bin/dpkg";
        root.Copy(host, "bin/tool");
        File.WriteAllBytes(Path.Combine(root.Path, "bin/padding"), new byte[GoBinaryCataloger.MinBinaryBytes + 10]);

        var result = new Cataloging([new GoBinaryCataloger()]).Run(new DirectoryFileTree(root.Path));

        Assert.Empty(result.Document.Components);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Build_info_with_replacements_resolves_to_the_replacement()
    {
        var info = GoBuildInfoReader.Parse("go1.22.1", "path\texample.com/app\nmod\texample.com/app\tv1.0.0\th1:x=\ndep\tgolang.org/x/net\tv0.1.0\th1:y=\n=>\tgithub.com/fork/net\tv0.2.0\th1:z=\nbuild\t-compiler=gc\n");

        Assert.Equal([("github.com/fork/net", "v0.2.0")], info.Dependencies);
        Assert.Equal(("example.com/app", "v1.0.0"), (info.MainModule, info.MainVersion));
    }

    [Fact]
    public void Go_mod_requires_with_replace_directives_applied()
    {
        Assert.SkipUnless(GoBinaryFixture.Available, "needs Debian's golang-1.19-go");
        using var root = new TempDirectory();
        root.Write("svc/go.mod", """
            module example.com/svc

            go 1.21

            require (
            	github.com/gin-gonic/gin v1.7.0
            	golang.org/x/net v0.7.0 // indirect
            	example.com/local v0.0.0
            )

            require golang.org/x/text v0.3.7

            replace golang.org/x/net => golang.org/x/net v0.17.0

            replace example.com/local => ../local
            """);

        var components = new Cataloging([new GoModCataloger()]).Run(new DirectoryFileTree(root.Path)).Document.Components;

        Assert.Equal(
            ["pkg:golang/github.com/gin-gonic/gin@v1.7.0", "pkg:golang/golang.org/x/net@v0.17.0", "pkg:golang/golang.org/x/text@v0.3.7"],
            components.Select(c => c.Purl));
        Assert.Contains(GoBinaryFixture.DependencyModule, File.ReadAllText(Path.Combine(GoBinaryFixture.Path, "src", "go.mod")), StringComparison.Ordinal);
    }

    [Fact]
    public void Go_mod_before_1_17_takes_indirect_modules_from_go_sum()
    {
        using var root = new TempDirectory();
        root.Write("old/go.mod", "module example.com/old\n\ngo 1.16\n\nrequire golang.org/x/sys v0.1.0\n");
        root.Write("old/go.sum", """
            golang.org/x/sys v0.1.0 h1:abc=
            golang.org/x/sys v0.1.0/go.mod h1:def=
            golang.org/x/text v0.3.0/go.mod h1:ghi=
            golang.org/x/text v0.3.3 h1:jkl=
            golang.org/x/text v0.3.3/go.mod h1:mno=
            """);
        root.Write("new/go.mod", "module example.com/new\n\ngo 1.21\n\nrequire golang.org/x/sys v0.2.0\n");
        root.Write("new/go.sum", "golang.org/x/text v0.9.0 h1:x=\n");

        var components = new Cataloging([new GoModCataloger()]).Run(new DirectoryFileTree(root.Path)).Document.Components;

        Assert.Equal(
            ["pkg:golang/golang.org/x/sys@v0.1.0", "pkg:golang/golang.org/x/sys@v0.2.0", "pkg:golang/golang.org/x/text@v0.3.3"],
            components.Select(c => c.Purl));
    }
}
