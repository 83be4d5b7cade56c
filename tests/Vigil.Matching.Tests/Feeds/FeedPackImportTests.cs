using Vigil.Matching.Tests.Support;

namespace Vigil.Matching.Tests.Feeds;

/// <summary>Imports the real shared feed pack and checks counts against its MANIFEST.tsv and README.</summary>
public sealed class FeedPackImportTests
{
    [Fact]
    public void Imports_every_record_of_the_pack_except_withdrawn_and_malformed_ones()
    {
        var manifest = File.ReadLines(Path.Combine(SharedFeeds.Root, "MANIFEST.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Sum(p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var result = ImportedFeedPack.Result;

        // The README documents exactly one schema violation: RUSTSEC-2019-0031 has a range with no events.
        var skipped = Assert.Single(result.Skipped);
        Assert.EndsWith("RUSTSEC-2019-0031.json", skipped.File, StringComparison.Ordinal);
        Assert.Contains("events", skipped.Reason, StringComparison.Ordinal);
        // 17 Go, 10 PyPI and 13 crates.io records carry "withdrawn"; RUSTSEC-2019-0031 is one of them but fails
        // validation first, so it is counted as malformed.
        Assert.Equal(39, result.Withdrawn);
        Assert.Equal(manifest - 39 - 1, result.Total);
    }

    [Fact]
    public void Indexes_by_ecosystem_release_and_normalised_name()
    {
        var snapshot = ImportedFeedPack.Snapshot;

        Assert.Contains(snapshot.Lookup("Maven", "org.apache.logging.log4j:log4j-core"), a => a.Id == "GLAD-maven-org.apache.logging.log4j-log4j-core-CVE-2021-44228");
        Assert.Contains(snapshot.Lookup("Debian:12", "openssl"), a => a.Id.StartsWith("DSA-", StringComparison.Ordinal));
        Assert.NotEmpty(snapshot.Lookup("PyPI", "Django"));
        Assert.Equal(snapshot.Lookup("PyPI", "django").Count, snapshot.Lookup("PyPI", "DJANGO").Count);
        Assert.Contains(snapshot.Lookup("NuGet", "messagepack"), a => a.Id == "GLAD-nuget-MessagePack-CVE-2020-5234");
        Assert.True(snapshot.EcosystemCounts["Go"] > 4000);
    }

    [Fact]
    public void Keeps_upstream_ids_so_debian_advisories_are_found_by_cve()
    {
        var snapshot = ImportedFeedPack.Snapshot;
        var dsa = snapshot.Lookup("Debian:12", "openssl").First(a => a.Id.StartsWith("DSA-", StringComparison.Ordinal));
        var cve = Assert.IsType<string>(dsa.Upstream.First(u => u.StartsWith("CVE-", StringComparison.Ordinal)), exactMatch: false);

        Assert.Contains(snapshot.FindById(cve), a => a.Id == dsa.Id);
    }
}
