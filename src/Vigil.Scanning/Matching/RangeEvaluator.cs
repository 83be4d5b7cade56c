using Vigil.Scanning.Osv;
using Vigil.Scanning.Versions;

namespace Vigil.Scanning.Matching;

/// <summary>
/// Evaluates a version against an OSV <c>affected</c> entry exactly as the OSV schema defines it: an exact string in
/// <c>versions</c> matches; each SEMVER or ECOSYSTEM range is walked in version order, where <c>introduced</c> opens
/// (only <c>"0"</c> means "from the start"), <c>fixed</c> closes at the version, <c>last_affected</c> closes after it
/// and <c>limit</c> caps the range; GIT ranges take no part in package matching.
/// </summary>
public static class RangeEvaluator
{
    /// <summary>Evaluates <paramref name="version"/> against <paramref name="affected"/>.</summary>
    /// <param name="affected">The affected entry; its package ecosystem picks the comparer for ECOSYSTEM ranges.</param>
    /// <param name="version">The installed version as OSV would write it (Go without <c>v</c>).</param>
    public static RangeEvaluation Evaluate(OsvAffected affected, string version)
    {
        ArgumentNullException.ThrowIfNull(affected);
        var ecosystem = affected.Package.Ecosystem;
        var family = ecosystem.Split(':', 2)[0];
        var listed = affected.Versions.Contains(version, StringComparer.Ordinal);
        var fixedVersions = new List<string>();
        var notComparable = false;
        var inRange = false;
        foreach (var range in affected.Ranges)
        {
            IVersionComparer? comparer = range.Type switch
            {
                "SEMVER" => family == "Go" ? GoVersionComparer.Instance : SemVerComparer.Instance,
                "ECOSYSTEM" => VersionComparers.ForEcosystem(ecosystem),
                _ => null,
            };
            if (range.Type == "GIT")
            {
                continue;
            }

            var verdict = comparer is null ? RangeVerdict.NotComparable : Evaluate(range, version, comparer);
            switch (verdict)
            {
                case RangeVerdict.Affected:
                    inRange = true;
                    fixedVersions.AddRange(Fixed(range));
                    break;
                case RangeVerdict.NotComparable:
                    notComparable = true;
                    break;
            }
        }

        if (inRange || listed)
        {
            if (!inRange)
            {
                fixedVersions.AddRange(affected.Ranges.Where(r => r.Type != "GIT").SelectMany(Fixed));
            }

            return new RangeEvaluation(RangeVerdict.Affected, fixedVersions.Distinct(StringComparer.Ordinal).ToList());
        }

        return notComparable
            ? new RangeEvaluation(RangeVerdict.NotComparable, affected.Ranges.Where(r => r.Type != "GIT").SelectMany(Fixed).Distinct(StringComparer.Ordinal).ToList())
            : new RangeEvaluation(RangeVerdict.NotAffected, []);
    }

    private static IEnumerable<string> Fixed(OsvRange range) =>
        range.Events.Where(e => e.Kind == OsvEventKind.Fixed).Select(e => e.Version);

    /// <summary>One range: sort events by version, then let the last event at or below the version decide.</summary>
    public static RangeVerdict Evaluate(OsvRange range, string version, IVersionComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(comparer);
        if (!comparer.TryCompare(version, version, out _))
        {
            return RangeVerdict.NotComparable;
        }

        var events = new List<OsvEvent>(range.Events.Count);
        var limits = new List<string>();
        foreach (var e in range.Events)
        {
            if (e.Kind == OsvEventKind.Limit)
            {
                limits.Add(e.Version);
            }
            else if (!IsStart(e) && !comparer.TryCompare(e.Version, e.Version, out _))
            {
                return RangeVerdict.NotComparable;
            }
            else
            {
                events.Add(e);
            }
        }

        // Stable sort by version; "introduced: 0" sorts before everything.
        var ordered = events
            .Select((e, index) => (Event: e, Index: index))
            .Order(Comparer<(OsvEvent Event, int Index)>.Create((x, y) =>
            {
                var c = CompareEvents(x.Event, y.Event, comparer);
                return c != 0 ? c : x.Index.CompareTo(y.Index);
            }))
            .Select(p => p.Event);

        var affected = false;
        foreach (var e in ordered)
        {
            switch (e.Kind)
            {
                case OsvEventKind.Introduced when IsStart(e) || Compare(version, e.Version, comparer) >= 0:
                    affected = true;
                    break;
                case OsvEventKind.Fixed when Compare(version, e.Version, comparer) >= 0:
                    affected = false;
                    break;
                case OsvEventKind.LastAffected when Compare(version, e.Version, comparer) > 0:
                    affected = false;
                    break;
            }
        }

        if (affected && limits.Count > 0)
        {
            // limit "*" means unbounded; otherwise the version must be below some limit.
            var below = limits.Any(l => l == "*" || (comparer.TryCompare(version, l, out var c) && c < 0));
            affected = below;
        }

        return affected ? RangeVerdict.Affected : RangeVerdict.NotAffected;
    }

    private static bool IsStart(OsvEvent e) => e.Kind == OsvEventKind.Introduced && e.Version == "0";

    private static int CompareEvents(OsvEvent x, OsvEvent y, IVersionComparer comparer)
    {
        if (IsStart(x) || IsStart(y))
        {
            return IsStart(x) == IsStart(y) ? 0 : IsStart(x) ? -1 : 1;
        }

        return Compare(x.Version, y.Version, comparer);
    }

    private static int Compare(string a, string b, IVersionComparer comparer) =>
        comparer.TryCompare(a, b, out var order) ? order : 0;
}
