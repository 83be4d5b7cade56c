using Vigil.Scanning.Feeds;
using Vigil.Scanning.Osv;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Matching;

/// <summary>
/// Matches components against a feed snapshot. Advisories that name each other (id, aliases, upstream) and hit the
/// same component are merged into one finding, so a GHSA and a PYSEC record of one CVE give one finding.
/// </summary>
public sealed class Matcher(FeedSnapshot snapshot)
{
    private const int ParallelThreshold = 2_000;

    private readonly SeverityResolver _severity = new(snapshot);

    /// <summary>Matches <paramref name="components"/>; <paramref name="operatingSystem"/> supplies a missing distro release.</summary>
    public MatchResult Match(IReadOnlyList<Component> components, OperatingSystemIdentity? operatingSystem = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        var known = snapshot.EcosystemCounts.Keys.ToList();
        // Components are independent and the snapshot's caches are thread-safe, so large SBOMs use every core; small
        // ones stay on the calling thread where starting workers would cost more than it saves.
        var perComponent = components.AsParallel().AsOrdered()
            .WithDegreeOfParallelism(components.Count >= ParallelThreshold ? Environment.ProcessorCount : 1)
            .Select(component =>
            {
                var query = EcosystemMapper.Map(component, operatingSystem, known, out var reason);
                return query is null
                    ? (Findings: (IReadOnlyList<Finding>)[], Unmatched: new UnmatchedComponent(component, reason!))
                    : (Findings: MatchOne(component, query).ToList(), Unmatched: (UnmatchedComponent?)null);
            })
            .ToList();
        var findings = perComponent.SelectMany(p => p.Findings).ToList();
        var unmatched = perComponent.Where(p => p.Unmatched is not null).Select(p => p.Unmatched!).ToList();

        var ordered = findings
            .OrderByDescending(f => f.Severity.Level)
            .ThenByDescending(f => f.Severity.Score ?? -1)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Package.Purl, StringComparer.Ordinal)
            .ThenBy(f => f.Key.Location, StringComparer.Ordinal)
            .ToList();
        return new MatchResult(snapshot.Id, ordered, unmatched, components.Count);
    }

    private IEnumerable<Finding> MatchOne(Component component, OsvQuery query)
    {
        var hits = new List<Hit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ecosystem in query.Ecosystems)
        {
            foreach (var name in query.Names.Distinct(StringComparer.Ordinal))
            {
                var normalized = PackageNames.Normalize(ecosystem, name);
                foreach (var advisory in snapshot.Lookup(ecosystem, name))
                {
                    if (!seen.Add(advisory.Id))
                    {
                        continue;
                    }

                    foreach (var affected in advisory.Affected.Where(a => a.Package.Ecosystem == ecosystem && (a.Package.Name == name || PackageNames.Normalize(ecosystem, a.Package.Name) == normalized)))
                    {
                        var evaluation = RangeEvaluator.Evaluate(affected, query.Version);
                        if (evaluation.Verdict != RangeVerdict.NotAffected)
                        {
                            hits.Add(new Hit(advisory, affected, evaluation, ecosystem));
                            break;
                        }
                    }
                }
            }
        }

        if (hits.Count == 0)
        {
            yield break;
        }

        var purl = WithoutQualifiers(component.Purl);
        var locations = component.Locations.Count == 0 ? [""] : component.Locations;
        foreach (var group in GroupByAlias(hits))
        {
            var ecosystem = group[0].Ecosystem;
            var primary = group.OrderBy(h => PrimaryIds.Rank(ecosystem, h.Advisory.Id)).ThenBy(h => h.Advisory.Id, StringComparer.Ordinal).First();
            var aliases = group.SelectMany(h => h.Advisory.AllIds)
                .Where(id => !string.Equals(id, primary.Advisory.Id, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)
                .ToList();
            var affected = group.Any(h => h.Evaluation.Verdict == RangeVerdict.Affected);
            var fixedVersions = group.Where(h => !affected || h.Evaluation.Verdict == RangeVerdict.Affected)
                .SelectMany(h => h.Evaluation.FixedVersions).Distinct(StringComparer.Ordinal).ToList();
            var severity = _severity.Resolve(group.Select(h => (h.Advisory, (OsvAffected?)h.Affected)).ToList());
            var package = new FindingPackage(component.Name, component.Version, ecosystem, component.Purl);
            foreach (var location in locations)
            {
                yield return new Finding(
                    new FindingKey(primary.Advisory.Id, purl, location),
                    primary.Advisory.Id,
                    aliases,
                    primary.Advisory.Summary,
                    severity,
                    package,
                    fixedVersions,
                    ecosystem,
                    affected ? FindingStatus.Affected : FindingStatus.VersionNotComparable);
            }
        }
    }

    /// <summary>The purl without qualifiers and subpath; components carry canonical purls, so cutting the text suffices.</summary>
    private static string WithoutQualifiers(string purl)
    {
        var end = purl.IndexOfAny(['?', '#']);
        return end >= 0 ? purl[..end] : purl;
    }

    /// <summary>Groups hits whose advisories share any id (transitively), with a union-find over ids: linear in ids.</summary>
    private static List<List<Hit>> GroupByAlias(List<Hit> hits)
    {
        if (hits.Count <= 1)
        {
            return hits.Count == 0 ? [] : [hits];
        }

        var parent = Enumerable.Range(0, hits.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var owner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hits.Count; i++)
        {
            foreach (var id in hits[i].Advisory.AllIds)
            {
                if (owner.TryGetValue(id, out var other))
                {
                    parent[Find(i)] = Find(other);
                }
                else
                {
                    owner[id] = i;
                }
            }
        }

        return hits.Select((hit, i) => (Hit: hit, Root: Find(i)))
            .GroupBy(p => p.Root)
            .Select(g => g.Select(p => p.Hit).ToList())
            .ToList();
    }

    private sealed record Hit(OsvAdvisory Advisory, OsvAffected Affected, RangeEvaluation Evaluation, string Ecosystem);
}
