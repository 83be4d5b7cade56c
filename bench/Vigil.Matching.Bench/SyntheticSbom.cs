using Vigil.Scanning.Feeds;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;

namespace Vigil.Matching.Bench;

/// <summary>
/// Builds N components from real package names in the store (so lookups hit and ranges are evaluated), spread over
/// every ecosystem, with one in four names invented so misses are measured too. Deterministic for a given N.
/// </summary>
internal static class SyntheticSbom
{
    public static IReadOnlyList<Component> Create(FeedSnapshot snapshot, int count)
    {
        var random = new Random(count);
        var pools = snapshot.EcosystemCounts.Keys.Order(StringComparer.Ordinal)
            .Select(e => (Ecosystem: e, Names: snapshot.PackageNamesOf(e).Order(StringComparer.Ordinal).ToArray()))
            .Where(p => p.Names.Length > 0 && Purl(p.Ecosystem, p.Names[0], "1") is not null)
            .ToArray();
        var components = new List<Component>(count);
        for (var i = 0; components.Count < count; i++)
        {
            var (ecosystem, names) = pools[i % pools.Length];
            var name = random.Next(4) == 0 ? $"{names[random.Next(names.Length)]}-invented{i}" : names[random.Next(names.Length)];
            var version = Version(ecosystem, random);
            var purl = Purl(ecosystem, name, version);
            if (purl is not null && PackageUrl.TryParse(purl, out var parsed) && parsed is not null)
            {
                components.Add(ComponentFactory.Create(parsed, $"synthetic/{i}"));
            }
        }

        return ComponentFactory.MergeByPurl(components);
    }

    private static string Version(string ecosystem, Random random)
    {
        var (major, minor, patch) = (random.Next(0, 4), random.Next(0, 12), random.Next(0, 20));
        return ecosystem.Split(':')[0] switch
        {
            "Debian" => $"{major}.{minor}.{patch}-1",
            "Alpine" => $"{major}.{minor}.{patch}-r0",
            "Go" => $"v{major}.{minor}.{patch}",
            _ => $"{major}.{minor}.{patch}",
        };
    }

    private static string? Purl(string ecosystem, string name, string version)
    {
        var parts = ecosystem.Split(':');
        return parts[0] switch
        {
            "Debian" => $"pkg:deb/debian/{Uri.EscapeDataString(name)}@{Uri.EscapeDataString(version)}?distro=debian-{parts[1]}",
            "Alpine" => $"pkg:apk/alpine/{Uri.EscapeDataString(name)}@{Uri.EscapeDataString(version)}?distro=alpine-{parts[1].TrimStart('v')}.0",
            "PyPI" => $"pkg:pypi/{Uri.EscapeDataString(name)}@{version}",
            "npm" => name.StartsWith('@') ? $"pkg:npm/{Uri.EscapeDataString(name.Split('/')[0])}/{Uri.EscapeDataString(name.Split('/')[1])}@{version}" : $"pkg:npm/{Uri.EscapeDataString(name)}@{version}",
            "NuGet" => $"pkg:nuget/{Uri.EscapeDataString(name)}@{version}",
            "crates.io" => $"pkg:cargo/{Uri.EscapeDataString(name)}@{version}",
            "RubyGems" => $"pkg:gem/{Uri.EscapeDataString(name)}@{version}",
            "Go" => $"pkg:golang/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}@{version}",
            "Maven" when name.Contains(':', StringComparison.Ordinal) => $"pkg:maven/{name.Split(':')[0]}/{name.Split(':')[1]}@{version}",
            "Packagist" when name.Contains('/', StringComparison.Ordinal) => $"pkg:composer/{name}@{version}",
            _ => null,
        };
    }
}
