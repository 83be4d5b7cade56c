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
        var info = AffectedInfo.Of(affected);
        var listed = info.Versions.Contains(version);
        var fixedVersions = new List<string>();
        var notComparable = false;
        var inRange = false;
        foreach (var range in affected.Ranges)
        {
            IVersionComparer? comparer = range.Type switch
            {
                "SEMVER" => info.SemverComparer,
                "ECOSYSTEM" => info.EcosystemComparer,
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
            : NotAffected;
    }

    private static readonly RangeEvaluation NotAffected = new(RangeVerdict.NotAffected, []);

    /// <summary>Per affected entry, computed once: its comparers and its explicit versions as a set (PyPI lists hundreds).</summary>
    private sealed class AffectedInfo
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OsvAffected, AffectedInfo> Table = new();

        private AffectedInfo(OsvAffected affected)
        {
            var ecosystem = affected.Package.Ecosystem;
            var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
            var family = colon >= 0 ? ecosystem[..colon] : ecosystem;
            SemverComparer = family == "Go" ? GoVersionComparer.Instance : SemVerComparer.Instance;
            EcosystemComparer = VersionComparers.ForEcosystem(ecosystem);
            Versions = affected.Versions.ToHashSet(StringComparer.Ordinal);
        }

        public IVersionComparer SemverComparer { get; }

        public IVersionComparer? EcosystemComparer { get; }

        public HashSet<string> Versions { get; }

        public static AffectedInfo Of(OsvAffected affected) => Table.GetValue(affected, a => new AffectedInfo(a));
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

        var compiled = Compiled.Of(range, comparer);
        if (compiled.Events is null)
        {
            return RangeVerdict.NotComparable;
        }

        var affected = false;
        foreach (var e in compiled.Events)
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

        if (affected && compiled.Limits.Count > 0)
        {
            // limit "*" means unbounded; otherwise the version must be below some limit.
            affected = compiled.Limits.Any(l => l == "*" || (comparer.TryCompare(version, l, out var c) && c < 0));
        }

        return affected ? RangeVerdict.Affected : RangeVerdict.NotAffected;
    }

    /// <summary>
    /// A range's events sorted once per comparer (advisories are parsed once per snapshot and shared, so this is
    /// computed once, not per component); <see cref="Events"/> is null when a bound is not comparable.
    /// </summary>
    private sealed class Compiled
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OsvRange, Compiled> Table = new();

        private Compiled(IVersionComparer comparer, IReadOnlyList<OsvEvent>? events, IReadOnlyList<string> limits)
        {
            Comparer = comparer;
            Events = events;
            Limits = limits;
        }

        public IVersionComparer Comparer { get; }

        public IReadOnlyList<OsvEvent>? Events { get; }

        public IReadOnlyList<string> Limits { get; }

        public static Compiled Of(OsvRange range, IVersionComparer comparer)
        {
            if (Table.TryGetValue(range, out var existing) && ReferenceEquals(existing.Comparer, comparer))
            {
                return existing;
            }

            var compiled = Build(range, comparer);
            Table.AddOrUpdate(range, compiled);
            return compiled;
        }

        private static Compiled Build(OsvRange range, IVersionComparer comparer)
        {
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
                    return new Compiled(comparer, null, limits);
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
                .Select(p => p.Event)
                .ToList();
            return new Compiled(comparer, ordered, limits);
        }
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
