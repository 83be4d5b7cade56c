using System.Globalization;

namespace Vigil.Scanning.Severity;

/// <summary>
/// CVSS v4.0 base score (CVSS-B) from a vector such as <c>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</c>,
/// following the specification's MacroVector method: the vector's equivalence classes select a MacroVector score,
/// which is lowered by the mean, over the classes that have a lower neighbour, of the neighbour's score gap scaled
/// by how far the vector lies from the MacroVector's most severe vectors. The threat metric <c>E</c> is applied when
/// present (CVSS-BT); environmental metrics are accepted and not applied.
/// </summary>
public static class CvssV4Calculator
{
    private static readonly string[] BaseMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = "NALP", ["AC"] = "LH", ["AT"] = "NP", ["PR"] = "NLH", ["UI"] = "NPA",
        ["VC"] = "HLN", ["VI"] = "HLN", ["VA"] = "HLN", ["SC"] = "HLN", ["SI"] = "HLN", ["SA"] = "HLN", ["E"] = "XAPU",
    };

    /// <summary>Severity depth of each metric value (0 = most severe), in steps of 0.1 as the specification counts them.</summary>
    private static readonly Dictionary<string, Dictionary<char, double>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ['N'] = 0.0, ['A'] = 0.1, ['L'] = 0.2, ['P'] = 0.3 },
        ["PR"] = new() { ['N'] = 0.0, ['L'] = 0.1, ['H'] = 0.2 },
        ["UI"] = new() { ['N'] = 0.0, ['P'] = 0.1, ['A'] = 0.2 },
        ["AC"] = new() { ['L'] = 0.0, ['H'] = 0.1 },
        ["AT"] = new() { ['N'] = 0.0, ['P'] = 0.1 },
        ["VC"] = new() { ['H'] = 0.0, ['L'] = 0.1, ['N'] = 0.2 },
        ["VI"] = new() { ['H'] = 0.0, ['L'] = 0.1, ['N'] = 0.2 },
        ["VA"] = new() { ['H'] = 0.0, ['L'] = 0.1, ['N'] = 0.2 },
        ["SC"] = new() { ['H'] = 0.1, ['L'] = 0.2, ['N'] = 0.3 },
        ["SI"] = new() { ['S'] = 0.0, ['H'] = 0.1, ['L'] = 0.2, ['N'] = 0.3 },
        ["SA"] = new() { ['S'] = 0.0, ['H'] = 0.1, ['L'] = 0.2, ['N'] = 0.3 },
        ["CR"] = new() { ['H'] = 0.0, ['M'] = 0.1, ['L'] = 0.2 },
        ["IR"] = new() { ['H'] = 0.0, ['M'] = 0.1, ['L'] = 0.2 },
        ["AR"] = new() { ['H'] = 0.0, ['M'] = 0.1, ['L'] = 0.2 },
    };

    /// <summary>The most severe vectors of each EQ level (EQ3 by EQ3 and EQ6 level together), per the specification.</summary>
    private static readonly string[][] Eq1Max = [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]];
    private static readonly string[][] Eq2Max = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]];
    private static readonly string[][] Eq4Max = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]];

    private static readonly Dictionary<(int Eq3, int Eq6), string[]> Eq3Eq6Max = new()
    {
        [(0, 0)] = ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
        [(0, 1)] = ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        [(1, 0)] = ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
        [(1, 1)] = ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"],
        [(2, 1)] = ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"],
    };

    /// <summary>Depth of each MacroVector in severity steps (+1), per EQ.</summary>
    private static readonly int[] Eq1Depth = [1, 4, 5];
    private static readonly int[] Eq2Depth = [1, 2];
    private static readonly int[] Eq4Depth = [6, 5, 4];
    private static readonly Dictionary<(int, int), int> Eq3Eq6Depth = new() { [(0, 0)] = 7, [(0, 1)] = 6, [(1, 0)] = 8, [(1, 1)] = 8, [(2, 1)] = 10 };

    /// <summary>Computes the base score; false when the vector is not a complete, valid v4.0 base vector.</summary>
    public static bool TryScore(string vector, out double score)
    {
        score = 0;
        if (!TryParse(vector, out var m))
        {
            return false;
        }

        if (new[] { "VC", "VI", "VA", "SC", "SI", "SA" }.All(k => m[k] == 'N'))
        {
            return true;
        }

        // Exploit maturity X (not defined) scores as Attacked; requirements CR/IR/AR as High (environment not applied).
        if (!m.TryGetValue("E", out var exploit) || exploit == 'X')
        {
            m["E"] = 'A';
        }

        m["CR"] = m["IR"] = m["AR"] = 'H';
        var eq1 = (m["AV"], m["PR"], m["UI"]) switch
        {
            ('N', 'N', 'N') => 0,
            var (av, pr, ui) when (av == 'N' || pr == 'N' || ui == 'N') && av != 'P' => 1,
            _ => 2,
        };
        var eq2 = m["AC"] == 'L' && m["AT"] == 'N' ? 0 : 1;
        var eq3 = m["VC"] == 'H' && m["VI"] == 'H' ? 0 : (m["VC"] == 'H' || m["VI"] == 'H' || m["VA"] == 'H') ? 1 : 2;
        var eq4 = m["SI"] == 'S' || m["SA"] == 'S' ? 0 : (m["SC"] == 'H' || m["SI"] == 'H' || m["SA"] == 'H') ? 1 : 2;
        var eq5 = m["E"] switch { 'A' => 0, 'P' => 1, _ => 2 };
        var eq6 = (m["VC"] == 'H' && m["CR"] == 'H') || (m["VI"] == 'H' && m["IR"] == 'H') || (m["VA"] == 'H' && m["AR"] == 'H') ? 0 : 1;

        double? Lookup(int e1, int e2, int e3, int e4, int e5, int e6) =>
            CvssV4MacroVectorScores.Table.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{e1}{e2}{e3}{e4}{e5}{e6}"), out var v) ? v : null;

        var value = Lookup(eq1, eq2, eq3, eq4, eq5, eq6)!.Value;
        var lowerEq1 = Lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        var lowerEq2 = Lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        var lowerEq3Eq6 = (eq3, eq6) switch
        {
            (0, 0) => Max(Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1), Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
            (1, 0) => Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            (0, 1) or (1, 1) => Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            _ => Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1),
        };
        var lowerEq4 = Lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        var lowerEq5 = Lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // The first most-severe vector of the MacroVector that is at least as severe as this one in every metric.
        Dictionary<string, double>? distances = null;
        foreach (var a in Eq1Max[eq1])
        {
            foreach (var b in Eq2Max[eq2])
            {
                foreach (var c in Eq3Eq6Max[(eq3, eq6)])
                {
                    foreach (var d in Eq4Max[eq4])
                    {
                        var candidate = Distances(m, $"{a}/{b}/{c}/{d}");
                        if (distances is null && candidate.Values.All(x => x >= -1e-9))
                        {
                            distances = candidate;
                        }
                    }
                }
            }
        }

        distances ??= Distances(m, $"{Eq1Max[eq1][0]}/{Eq2Max[eq2][0]}/{Eq3Eq6Max[(eq3, eq6)][0]}/{Eq4Max[eq4][0]}");
        const double step = 0.1;
        var parts = new List<double>();
        void Add(double? lower, double distance, double depth)
        {
            if (lower is { } l)
            {
                parts.Add((value - l) * (distance / (depth * step)));
            }
        }

        Add(lowerEq1, distances["AV"] + distances["PR"] + distances["UI"], Eq1Depth[eq1]);
        Add(lowerEq2, distances["AC"] + distances["AT"], Eq2Depth[eq2]);
        Add(lowerEq3Eq6, distances["VC"] + distances["VI"] + distances["VA"] + distances["CR"] + distances["IR"] + distances["AR"], Eq3Eq6Depth[(eq3, eq6)]);
        Add(lowerEq4, distances["SC"] + distances["SI"] + distances["SA"], Eq4Depth[eq4]);
        // EQ5 (threat) never moves within its MacroVector, but a lower neighbour still counts towards the mean.
        Add(lowerEq5, 0, 1);
        var mean = parts.Count == 0 ? 0 : parts.Sum() / parts.Count;
        score = Math.Round(Math.Clamp(value - mean, 0, 10) + 1e-6, 1, MidpointRounding.AwayFromZero);
        return true;
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static Dictionary<string, double> Distances(Dictionary<string, char> metrics, string maxVector)
    {
        var max = maxVector.Split('/').Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1][0], StringComparer.Ordinal);
        return Levels.Keys.ToDictionary(k => k, k => Levels[k][metrics[k]] - Levels[k][max[k]], StringComparer.Ordinal);
    }

    private static bool TryParse(string vector, out Dictionary<string, char> metrics)
    {
        metrics = new Dictionary<string, char>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(vector))
        {
            return false;
        }

        var parts = vector.Trim().Split('/');
        if (parts[0] != "CVSS:4.0")
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1 || !seen.Add(part[..colon]))
            {
                return false;
            }

            var key = part[..colon];
            var value = part[(colon + 1)..];
            if (Allowed.TryGetValue(key, out var allowed))
            {
                if (value.Length != 1 || !allowed.Contains(value[0], StringComparison.Ordinal))
                {
                    return false;
                }

                metrics[key] = value[0];
            }
        }

        return BaseMetrics.All(metrics.ContainsKey);
    }
}
