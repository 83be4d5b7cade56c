using System.Globalization;

namespace Vigil.Scanning.Severity;

/// <summary>
/// CVSS v3.0/v3.1 base score from a vector (<c>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</c>) with the
/// specification's equations and its v3.1 Roundup (v3.0 vectors use v3.0's plain round-up).
/// </summary>
public static class CvssV3Calculator
{
    /// <summary>Computes the base score; false when the vector is not a complete, valid v3 base vector.</summary>
    public static bool TryScore(string vector, out double score)
    {
        score = 0;
        if (string.IsNullOrWhiteSpace(vector))
        {
            return false;
        }

        var parts = vector.Trim().Split('/');
        if (parts[0] is not ("CVSS:3.0" or "CVSS:3.1"))
        {
            return false;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !metrics.TryAdd(part[..colon], part[(colon + 1)..]))
            {
                return false;
            }
        }

        if (!metrics.TryGetValue("S", out var scope) || scope is not ("U" or "C"))
        {
            return false;
        }

        var changed = scope == "C";
        double? av = Lookup(metrics, "AV", ("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2));
        double? ac = Lookup(metrics, "AC", ("L", 0.77), ("H", 0.44));
        double? pr = Lookup(metrics, "PR", ("N", 0.85), ("L", changed ? 0.68 : 0.62), ("H", changed ? 0.5 : 0.27));
        double? ui = Lookup(metrics, "UI", ("N", 0.85), ("R", 0.62));
        double? c = Lookup(metrics, "C", ("H", 0.56), ("L", 0.22), ("N", 0));
        double? i = Lookup(metrics, "I", ("H", 0.56), ("L", 0.22), ("N", 0));
        double? a = Lookup(metrics, "A", ("H", 0.56), ("L", 0.22), ("N", 0));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null)
        {
            return false;
        }

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        Func<double, double> roundUp = parts[0] == "CVSS:3.1" ? Roundup31 : v => Math.Ceiling(v * 10) / 10;
        score = impact <= 0 ? 0 : roundUp(Math.Min((changed ? 1.08 : 1) * (impact + exploitability), 10));
        return true;
    }

    private static double? Lookup(Dictionary<string, string> metrics, string name, params (string Value, double Weight)[] weights)
    {
        if (!metrics.TryGetValue(name, out var value))
        {
            return null;
        }

        foreach (var (v, w) in weights)
        {
            if (v == value)
            {
                return w;
            }
        }

        return null;
    }

    /// <summary>CVSS v3.1 Appendix A Roundup, which avoids floating-point artefacts such as 4.000000001 becoming 4.1.</summary>
    private static double Roundup31(double value)
    {
        var integer = (long)Math.Round(value * 100000);
        return integer % 10000 == 0 ? integer / 100000.0 : (Math.Floor(integer / 10000.0) + 1) / 10.0;
    }

    /// <summary>Formats a score with one decimal, invariant culture.</summary>
    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
