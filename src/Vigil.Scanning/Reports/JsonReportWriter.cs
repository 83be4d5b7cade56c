using System.Text.Json;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Reports;

/// <summary>
/// Writes <c>{"findings":[{id, aliases, summary, severity, score, package:{name, version, ecosystem, purl},
/// fixedVersions, source}], "summary":{critical, high, medium, low, unknown}}</c>, plus <c>status</c> and
/// <c>location</c> per finding and the snapshot, ignored findings, unidentified components and policy outcome.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>Writes the report as indented UTF-8 JSON.</summary>
    public static void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("target", report.Target);
        w.WriteString("snapshotId", report.SnapshotId);
        w.WriteNumber("components", report.Components.Count);
        WriteFindings(w, "findings", report.Findings);
        var s = report.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("critical", s.Critical);
        w.WriteNumber("high", s.High);
        w.WriteNumber("medium", s.Medium);
        w.WriteNumber("low", s.Low);
        w.WriteNumber("unknown", s.Unknown);
        w.WriteEndObject();
        WriteFindings(w, "ignored", report.Ignored);
        w.WriteStartArray("unidentified");
        foreach (var (name, reason) in report.Unidentified)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("reason", reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Policy is { } policy)
        {
            w.WriteStartObject("policy");
            w.WriteBoolean("passed", policy.Passed);
            w.WriteStartArray("reasons");
            foreach (var reason in policy.Reasons)
            {
                w.WriteStringValue(reason);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter w, string name, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray(name);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteStartArray("aliases");
            foreach (var alias in f.Aliases)
            {
                w.WriteStringValue(alias);
            }

            w.WriteEndArray();
            w.WriteString("summary", f.Summary);
            w.WriteString("severity", f.Severity.Level.ToWord());
            if (f.Severity.Score is { } score)
            {
                w.WriteNumber("score", score);
            }
            else
            {
                w.WriteNull("score");
            }

            w.WriteStartObject("package");
            w.WriteString("name", f.Package.Name);
            w.WriteString("version", f.Package.Version);
            w.WriteString("ecosystem", f.Package.Ecosystem);
            w.WriteString("purl", f.Package.Purl);
            w.WriteEndObject();
            w.WriteStartArray("fixedVersions");
            foreach (var v in f.FixedVersions)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            w.WriteString("source", f.Source);
            w.WriteString("status", f.Status == FindingStatus.Affected ? "affected" : "versionNotComparable");
            w.WriteString("location", f.Key.Location);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
