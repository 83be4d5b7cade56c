using System.Globalization;
using System.Text.Json;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Reports;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: one rule per advisory (with <c>security-severity</c> so GitHub ranks
/// it), one result per finding located at the file the component was found in, and a stable partial fingerprint
/// built from the finding key so alerts survive re-runs.
/// </summary>
public static class SarifReportWriter
{
    /// <summary>Writes the log.</summary>
    public static void Write(ScanReport report, Stream output, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = report.Findings.GroupBy(f => f.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var ruleIndex = rules.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "vigil");
        w.WriteString("semanticVersion", toolVersion);
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", RuleName(rule.Id));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Summary ?? rule.Id);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Summary ?? rule.Id);
            w.WriteEndObject();
            w.WriteStartObject("help");
            var aliases = rule.Aliases.Count == 0 ? "" : $" Also known as {string.Join(", ", rule.Aliases)}.";
            w.WriteString("text", $"{rule.Id}: {rule.Summary}.{aliases} Fixed in: {(rule.FixedVersions.Count == 0 ? "no fix known" : string.Join(", ", rule.FixedVersions))}.");
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.Severity.Level));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue("security");
            w.WriteStringValue("vulnerability");
            w.WriteEndArray();
            if (SecuritySeverity(rule.Severity) is { } securitySeverity)
            {
                w.WriteString("security-severity", securitySeverity);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.Id);
            w.WriteNumber("ruleIndex", ruleIndex[f.Id]);
            w.WriteString("level", Level(f.Severity.Level));
            w.WriteStartObject("message");
            var fix = f.FixedVersions.Count == 0 ? "no fixed version is known" : $"fixed in {string.Join(", ", f.FixedVersions)}";
            var status = f.Status == FindingStatus.VersionNotComparable ? " (version not comparable: check by hand)" : "";
            w.WriteString("text", $"{f.Package.Name} {f.Package.Version} is affected by {f.Id} ({f.Severity.Level.ToWord()}){status}; {fix}. Package: {f.Package.Purl}");
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", Uri(f.Key.Location.Length > 0 ? f.Key.Location : report.Target));
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", 1);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("partialFingerprints");
            w.WriteString("vigilFindingKey/v1", f.Key.ToString());
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string RuleName(string id) => new(id.Where(char.IsAsciiLetterOrDigit).ToArray());

    private static string Level(SeverityLevel level) => level switch
    {
        SeverityLevel.Critical or SeverityLevel.High => "error",
        SeverityLevel.Medium => "warning",
        SeverityLevel.Unknown => "warning",
        _ => "note",
    };

    /// <summary>GitHub ranks alerts by this score; without a numeric score, a level's midpoint keeps the ranking right.</summary>
    private static string? SecuritySeverity(SeverityRating rating)
    {
        var score = rating.Score ?? rating.Level switch
        {
            SeverityLevel.Critical => 9.5,
            SeverityLevel.High => 8.0,
            SeverityLevel.Medium => 5.5,
            SeverityLevel.Low => 2.0,
            _ => (double?)null,
        };
        return score?.ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static string Uri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
}
