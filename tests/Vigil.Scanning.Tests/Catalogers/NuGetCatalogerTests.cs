using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Catalogers;

public class NuGetCatalogerTests
{
    [Fact]
    public void Restore_lock_file_and_deps_json_from_a_real_build_list_the_referenced_packages()
    {
        Assert.SkipUnless(NuGetProjectFixture.Available, "needs the dotnet CLI");

        var result = new Cataloging([new NuGetCataloger()]).Run(new DirectoryFileTree(NuGetProjectFixture.Path));

        foreach (var (id, version) in NuGetProjectFixture.Dependencies)
        {
            var component = Assert.Single(result.Document.Components, c => c.Name == id);
            Assert.Equal($"pkg:nuget/{id}@{version}", component.Purl);
            Assert.Contains("packages.lock.json", component.Locations);
            Assert.Equal("NuGet", component.Ecosystem);
        }

        // The SDK prunes packages the framework already provides from deps.json, so only Newtonsoft.Json is loaded from a package.
        var newtonsoft = result.Document.Components.Single(c => c.Name == "Newtonsoft.Json");
        Assert.Contains("bin/Release/net10.0/app.deps.json", newtonsoft.Locations);

        Assert.DoesNotContain(result.Document.Components, c => c.Name == "app");
        Assert.Empty(result.Warnings);
    }
}
