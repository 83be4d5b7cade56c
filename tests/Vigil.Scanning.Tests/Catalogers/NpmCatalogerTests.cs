using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Catalogers;

public class NpmCatalogerTests
{
    public static TheoryData<string, string> Lockfiles => new()
    {
        { "npm", "package-lock.json" },
        { "npm-v1", "package-lock.json" },
        { "pnpm", "pnpm-lock.yaml" },
        { "yarn-v1", "yarn.lock" },
        { "yarn-berry", "yarn.lock" },
    };

    [Theory]
    [MemberData(nameof(Lockfiles))]
    public void Lockfile_written_by_the_real_tool_yields_exactly_the_locked_packages(string folder, string lockfile)
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "needs npm");
        var root = Path.Combine(NpmProjectFixture.Path, folder);
        var catalogers = new ICataloger[] { new NpmPackageLockCataloger(), new PnpmLockCataloger(), new YarnLockCataloger() };

        var components = new Cataloging(catalogers).Run(new DirectoryFileTree(root)).Document.Components;

        Assert.Equal(
            NpmProjectFixture.Dependencies.Select(d => $"{d.Key}@{d.Value}").Order(StringComparer.Ordinal),
            components.Select(c => $"{c.Name}@{c.Version}").Order(StringComparer.Ordinal));
        Assert.All(components, c => Assert.Equal([lockfile], c.Locations));
        Assert.Contains(components, c => c.Purl == "pkg:npm/%40babel/helper-string-parser@7.24.1");
    }

    [Fact]
    public void Installed_node_modules_yield_each_package_json_with_its_location()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "needs npm");
        var root = Path.Combine(NpmProjectFixture.Path, "npm");

        var components = new Cataloging([new NpmInstalledCataloger()]).Run(new DirectoryFileTree(root)).Document.Components;

        var lodash = Assert.Single(components, c => c.Name == "lodash");
        Assert.Equal("pkg:npm/lodash@4.17.15", lodash.Purl);
        Assert.Equal(["node_modules/lodash/package.json"], lodash.Locations);
        Assert.Equal("npm", lodash.Ecosystem);
        Assert.Contains(components, c => c.Name == "@babel/helper-string-parser" && c.Version == "7.24.1");
        Assert.Contains(components, c => c.Name == "vigil-fixture");
    }

    [Fact]
    public void Lockfile_v3_skips_workspace_links_and_reads_aliases_by_real_name()
    {
        using var root = new Support.TempDirectory();
        root.Write("package-lock.json", """
            {"lockfileVersion":3,"packages":{
              "":{"name":"app"},
              "node_modules/my-lib":{"resolved":"packages/my-lib","link":true},
              "node_modules/old-lodash":{"name":"lodash","version":"4.17.15"},
              "node_modules/a/node_modules/@scope/b":{"version":"2.0.0"},
              "node_modules/gitdep":{"version":"git+ssh://git@example.invalid/x.git#abc"}
            }}
            """);

        var components = new Cataloging([new NpmPackageLockCataloger()]).Run(new DirectoryFileTree(root.Path)).Document.Components;

        Assert.Equal(["pkg:npm/%40scope/b@2.0.0", "pkg:npm/lodash@4.17.15"], components.Select(c => c.Purl));
    }
}
