using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Matching.Tests.EndToEnd;

/// <summary>
/// The vulnerable fixtures later issues scan (agents, workflows) really are vulnerable by the shared feed pack:
/// real packages installed by npm and dotnet restore, matched against real advisories.
/// </summary>
public sealed class VulnerableFixtureTests
{
    [Fact]
    public void Npm_fixture_has_the_lodash_advisory_of_the_npm_feed()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "needs npm");

        var findings = Scan(Path.Combine(NpmProjectFixture.Path, "npm"));

        // One finding per place the package was found (the finding key includes the location).
        var lodash = findings.Where(f => f.Id == "NSWG-ECO-516").ToList();
        Assert.Equal(["node_modules/lodash/package.json", "package-lock.json"], lodash.Select(f => f.Key.Location).Order(StringComparer.Ordinal));
        Assert.All(lodash, f => Assert.Equal("pkg:npm/lodash@4.17.15", f.Key.Purl));
        Assert.All(lodash, f => Assert.Equal(["4.17.19"], f.FixedVersions));
    }

    [Fact]
    public void NuGet_fixture_has_the_encodings_web_advisory_of_the_nuget_feed()
    {
        Assert.SkipUnless(NuGetProjectFixture.Available, "needs the dotnet CLI");

        var findings = Scan(NuGetProjectFixture.Path);

        Assert.Contains(findings, f => f.IsKnownAs("CVE-2021-26701") && f.Key.Purl.Contains("system.text.encodings.web@4.5.0", StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<Finding> Scan(string root)
    {
        var components = new Cataloging(BuiltInCatalogers.All).Run(new DirectoryFileTree(root)).Document.Components;
        return new Matcher(ImportedFeedPack.Snapshot).Match(components).Findings;
    }
}
