using System.Runtime.CompilerServices;
using Vigil.Scanning.Feeds;
using Vigil.Scanning.Osv;

namespace Vigil.Scanning.Severity;

/// <summary>
/// The contracts' severity chain (§6): a CVSS vector of the affected entry or the advisory (v4, then v3.x, then v2), else the
/// advisory's <c>database_specific</c> severity or score, else the worst severity any alias has in the store, else
/// <see cref="SeverityLevel.Unknown"/>.
/// </summary>
public sealed class SeverityResolver(FeedSnapshot? snapshot)
{
    // Advisories are parsed once per snapshot and shared, so ratings can be remembered per parsed object.
    private static readonly ConditionalWeakTable<object, StrongBox<SeverityRating?>> OwnCache = new();

    /// <summary>The severity of a group of advisories (aliases of one vulnerability) for one affected package.</summary>
    public SeverityRating Resolve(IReadOnlyList<(OsvAdvisory Advisory, OsvAffected? Affected)> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var own = Worst(group.Select(g => Cached(g.Advisory, g.Affected)));
        if (own is not null || snapshot is null)
        {
            return own ?? SeverityRating.Unknown;
        }

        // Group members have no rating of their own here, so the snapshot's precomputed per-id ratings are exactly the
        // ratings of other advisories naming the same vulnerability.
        SeverityRating? best = null;
        foreach (var alias in group.SelectMany(g => g.Advisory.AllIds).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var rating = snapshot.AliasSeverity(alias);
            if (rating is not null && (best is null || rating.IsWorseThan(best)))
            {
                best = rating;
            }
        }

        return best ?? SeverityRating.Unknown;
    }

    private static SeverityRating? Cached(OsvAdvisory advisory, OsvAffected? affected) =>
        OwnCache.GetValue(affected ?? (object)advisory, _ => new StrongBox<SeverityRating?>(Own(advisory, affected))).Value;

    /// <summary>Severity from the advisory's own data, or null when it has none.</summary>
    public static SeverityRating? Own(OsvAdvisory advisory, OsvAffected? affected)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var vectors = (affected?.Severity ?? []).Concat(advisory.Severity).ToList();
        // Newest scoring system first: v4, then v3.x, then v2.
        var fromVector = Worst(vectors.Where(v => v.Type is "CVSS_V4").Select(v => FromVector(v.Score, v.Type)))
            ?? Worst(vectors.Where(v => v.Type is "CVSS_V3").Select(v => FromVector(v.Score, v.Type)))
            ?? Worst(vectors.Where(v => v.Type is "CVSS_V2").Select(v => FromVector(v.Score, v.Type)));
        if (fromVector is not null)
        {
            return fromVector;
        }

        foreach (var db in new[] { affected?.DatabaseSeverity, advisory.DatabaseSeverity })
        {
            if (db is null)
            {
                continue;
            }

            if (db.Vector is not null && FromVector(db.Vector, "database_specific") is { } rated)
            {
                return rated;
            }

            if (db.Score is { } score)
            {
                return new SeverityRating(SeverityLevels.FromScore(score), score, "database_specific");
            }

            if (SeverityLevels.Parse(db.Level) is { } level && level != SeverityLevel.Unknown)
            {
                return new SeverityRating(level, null, "database_specific");
            }
        }

        return null;
    }

    private static SeverityRating? FromVector(string vector, string origin)
    {
        if (CvssV4Calculator.TryScore(vector, out var v4))
        {
            return new SeverityRating(SeverityLevels.FromScore(v4), v4, origin);
        }

        if (CvssV3Calculator.TryScore(vector, out var v3))
        {
            return new SeverityRating(SeverityLevels.FromScore(v3), v3, origin);
        }

        if (CvssV2Calculator.TryScore(vector, out var v2))
        {
            // CVSS v2 has no "critical": its ratings are low < 4, medium < 7, high.
            var level = v2 < 4 ? SeverityLevel.Low : v2 < 7 ? SeverityLevel.Medium : SeverityLevel.High;
            return new SeverityRating(v2 == 0 ? SeverityLevel.None : level, v2, origin);
        }

        return null;
    }

    private static SeverityRating? Worst(IEnumerable<SeverityRating?> ratings)
    {
        SeverityRating? worst = null;
        foreach (var rating in ratings)
        {
            if (rating is not null && (worst is null || rating.IsWorseThan(worst)))
            {
                worst = rating;
            }
        }

        return worst;
    }
}
