using System.Globalization;
using System.Text;
using Vigil.Core.Scans;

namespace Vigil.Dashboard.Reports;

/// <summary>
/// One row per finding (triaged ones included, with their triage) as RFC 4180 CSV for spreadsheets. Cells that a
/// spreadsheet would run as a formula are prefixed with an apostrophe: advisory text is not trusted input.
/// </summary>
public static class CsvScanReportWriter
{
    public static readonly string[] Header =
        ["severity", "score", "advisory", "aliases", "package", "version", "ecosystem", "purl", "fixed_versions", "location", "status", "triage", "triage_reason", "summary"];

    public static string Write(IReadOnlyList<FindingRecord> findings)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var f in findings)
        {
            AppendRow(csv,
            [
                f.Severity, f.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", f.Id, string.Join(' ', f.Aliases), f.Package.Name, f.Package.Version,
                f.Package.Ecosystem, f.Package.Purl, string.Join(' ', f.FixedVersions), f.Location, f.Status,
                f.Triage is null ? "" : f.Triage.State == TriageState.FalsePositive ? "false positive" : "accepted", f.Triage?.Reason ?? "", f.Summary ?? "",
            ]);
        }

        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
