using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Matching.Tests.EndToEnd;

/// <summary>
/// Whole root filesystems scanned against the shared feed pack, with expectations checked by hand against the
/// advisories' own ranges (quoted in each test).
/// </summary>
public sealed class RootFilesystemScanTests
{
    [Fact]
    public async Task Debootstrap_rootfs_has_the_urllib3_advisories_and_no_false_debian_alarms()
    {
        Assert.SkipUnless(DebootstrapFixture.Ready, "debootstrap fixture not built; ./test.sh builds it (VIGIL_BUILD_SLOW_FIXTURES=1)");

        var (document, findings) = await ScanAsync("dir:" + DebootstrapFixture.RootFs);

        Assert.Equal("debian", document.OperatingSystem?.Id);
        Assert.StartsWith("12", document.OperatingSystem?.VersionId);
        // python3-urllib3 1.26.12 (bookworm) as its dist-info reports it. PYSEC-2023-192: introduced 0, fixed 1.26.17;
        // PYSEC-2023-212: introduced 0, fixed 1.26.18.
        var urllib3 = findings.Where(f => f.Package.Purl == "pkg:pypi/urllib3@1.26.12").ToList();
        Assert.Equal(["PYSEC-2023-192", "PYSEC-2023-212"], urllib3.Select(f => f.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(urllib3, f => f.IsKnownAs("CVE-2023-43804") && f.FixedVersions.Contains("1.26.17"));
        // The feed's Debian 12 part is a 26-DSA sample whose fixes all predate current bookworm packages.
        Assert.DoesNotContain(findings, f => f.Package.Ecosystem == "Debian");
    }

    [Fact]
    public async Task This_machines_root_has_the_go_1_19_standard_library_advisories()
    {
        const string go = "/usr/lib/go-1.19/bin/go";
        Assert.SkipUnless(File.Exists(go), "needs Debian's golang-1.19-go (./test.sh installs it)");

        var (document, findings) = await ScanAsync("dir:/");

        Assert.NotNull(document.OperatingSystem);
        // Debian's Go 1.19 is built with go1.19.8. GO-2023-1751 (CVE-2023-24539): introduced 0, fixed 1.19.9.
        var stdlib = findings.Where(f => f.Id == "GO-2023-1751" && f.Key.Location == go.TrimStart('/')).ToList();
        Assert.Single(stdlib);
        Assert.Contains("CVE-2023-24539", stdlib[0].Aliases);
        Assert.Equal("stdlib", stdlib[0].Package.Name);
    }

    private static async Task<(SbomDocument Document, IReadOnlyList<Finding> Findings)> ScanAsync(string target)
    {
        var generation = await SbomGenerator.GenerateAsync(target, new SourceOptions(), cancellationToken: TestContext.Current.CancellationToken);
        var result = new Matcher(ImportedFeedPack.Snapshot).Match(generation.Document.Components, generation.Document.OperatingSystem);
        return (generation.Document, result.Findings);
    }
}
