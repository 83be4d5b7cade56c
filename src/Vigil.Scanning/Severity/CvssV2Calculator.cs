namespace Vigil.Scanning.Severity;

/// <summary>
/// CVSS v2 base score (<c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c>), used only when an advisory has no v3 or v4 vector; the
/// GitLab data in the feed pack carries many v2-only records.
/// </summary>
public static class CvssV2Calculator
{
    /// <summary>Computes the base score; false when the vector is not a complete v2 base vector.</summary>
    public static bool TryScore(string vector, out double score)
    {
        score = 0;
        var text = vector.Trim();
        if (text.StartsWith("(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
        {
            text = text[1..^1];
        }

        if (text.StartsWith("CVSS:2.0/", StringComparison.Ordinal))
        {
            text = text["CVSS:2.0/".Length..];
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split('/'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !metrics.TryAdd(part[..colon], part[(colon + 1)..]))
            {
                return false;
            }
        }

        double? Weight(string name, params (string Value, double Weight)[] weights) =>
            metrics.TryGetValue(name, out var v) && weights.Any(w => w.Value == v) ? weights.First(w => w.Value == v).Weight : null;

        var av = Weight("AV", ("L", 0.395), ("A", 0.646), ("N", 1.0));
        var ac = Weight("AC", ("H", 0.35), ("M", 0.61), ("L", 0.71));
        var au = Weight("Au", ("M", 0.45), ("S", 0.56), ("N", 0.704));
        var c = Weight("C", ("N", 0), ("P", 0.275), ("C", 0.660));
        var i = Weight("I", ("N", 0), ("P", 0.275), ("C", 0.660));
        var a = Weight("A", ("N", 0), ("P", 0.275), ("C", 0.660));
        if (av is null || ac is null || au is null || c is null || i is null || a is null)
        {
            return false;
        }

        var impact = 10.41 * (1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value)));
        var exploitability = 20 * av.Value * ac.Value * au.Value;
        var f = impact == 0 ? 0 : 1.176;
        score = Math.Round(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f, 1, MidpointRounding.AwayFromZero);
        return true;
    }
}
