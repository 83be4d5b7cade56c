using System.Globalization;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Reports;

/// <summary>A plain-text table for terminals and CI logs, worst findings first, then a summary line.</summary>
public static class TableReportWriter
{
    /// <summary>Writes the table.</summary>
    public static void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        string[] header = ["SEVERITY", "SCORE", "ID", "PACKAGE", "VERSION", "FIXED", "ALIASES"];
        var rows = report.Findings.Select(f => new[]
        {
            f.Severity.Level.ToWord() + (f.Status == FindingStatus.VersionNotComparable ? "?" : ""),
            f.Severity.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
            f.Id,
            f.Package.Name,
            f.Package.Version,
            f.FixedVersions.Count == 0 ? "-" : string.Join(", ", f.FixedVersions),
            string.Join(", ", f.Aliases.Where(a => a.StartsWith("CVE-", StringComparison.Ordinal)).Take(3)),
        }).ToList();
        var widths = header.Select((h, i) => Math.Min(60, rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        output.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        var s = report.Summary;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Findings.Count} finding(s) in {report.Components.Count} component(s): critical {s.Critical}, high {s.High}, medium {s.Medium}, low {s.Low}, unknown {s.Unknown}; {report.Ignored.Count} ignored; snapshot {report.SnapshotId}"));
        if (report.Findings.Any(f => f.Status == FindingStatus.VersionNotComparable))
        {
            output.WriteLine("? = the installed version could not be compared with the advisory's ranges; check by hand");
        }

        if (report.Unidentified.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Unidentified.Count} component(s) could not be matched (see --format json for reasons)"));
        }

        if (report.Policy is { } policy)
        {
            output.WriteLine(policy.Passed ? "gate: passed" : "gate: FAILED");
            foreach (var reason in policy.Reasons)
            {
                output.WriteLine("  - " + reason);
            }
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd();
}
