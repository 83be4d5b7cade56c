using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Reports;

/// <summary>
/// CycloneDX 1.6 with a <c>vulnerabilities</c> section (VEX): the scanned components as the SBOM writer writes them,
/// one vulnerability per advisory with its aliases as references, its rating, the fix as recommendation and every
/// affected component by <c>bom-ref</c>. A finding whose version was not comparable is <c>in_triage</c>.
/// </summary>
public static class CycloneDxVexWriter
{
    /// <summary>Writes the BOM.</summary>
    public static void Write(ScanReport report, OperatingSystemIdentity? operatingSystem, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new SbomDocument(report.Target, operatingSystem, report.Components);
        var bom = JsonNode.Parse(CycloneDxWriter.WriteToString(document))!.AsObject();
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in bom["components"]?.AsArray() ?? [])
        {
            if (component?["purl"]?.GetValue<string>() is { } purl && component["bom-ref"]?.GetValue<string>() is { } bomRef)
            {
                refs.TryAdd(purl, bomRef);
            }
        }

        var vulnerabilities = new JsonArray();
        foreach (var group in report.Findings.GroupBy(f => f.Id, StringComparer.Ordinal))
        {
            var first = group.First();
            var vulnerability = new JsonObject
            {
                ["bom-ref"] = "vuln:" + first.Id,
                ["id"] = first.Id,
                ["source"] = new JsonObject { ["name"] = first.Source },
            };
            if (first.Aliases.Count > 0)
            {
                vulnerability["references"] = new JsonArray(first.Aliases.Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a,
                    ["source"] = new JsonObject { ["name"] = a.Split('-')[0] },
                }).ToArray());
            }

            var rating = new JsonObject { ["severity"] = first.Severity.Level == SeverityLevel.None ? "none" : first.Severity.Level.ToWord() };
            if (first.Severity.Score is { } score)
            {
                rating["score"] = score;
            }

            rating["method"] = first.Severity.Origin.StartsWith("CVSS_V4", StringComparison.Ordinal) ? "CVSSv4" : first.Severity.Origin.StartsWith("CVSS_V3", StringComparison.Ordinal) ? "CVSSv31" : first.Severity.Origin.StartsWith("CVSS_V2", StringComparison.Ordinal) ? "CVSSv2" : "other";
            vulnerability["ratings"] = new JsonArray(rating);
            if (first.Summary is not null)
            {
                vulnerability["description"] = first.Summary;
            }

            var fixes = group.SelectMany(f => f.FixedVersions).Distinct(StringComparer.Ordinal).ToList();
            if (fixes.Count > 0)
            {
                vulnerability["recommendation"] = "Upgrade to a fixed version: " + string.Join(", ", fixes);
            }

            vulnerability["affects"] = new JsonArray(group
                .GroupBy(f => f.Package.Purl, StringComparer.Ordinal)
                .Select(p => (JsonNode)new JsonObject
                {
                    ["ref"] = refs.GetValueOrDefault(p.Key, p.Key),
                    ["versions"] = new JsonArray(new JsonObject
                    {
                        ["version"] = p.First().Package.Version,
                        ["status"] = p.Any(f => f.Status == FindingStatus.Affected) ? "affected" : "unknown",
                    }),
                }).ToArray());
            vulnerability["analysis"] = new JsonObject
            {
                ["state"] = group.Any(f => f.Status == FindingStatus.Affected) ? "exploitable" : "in_triage",
            };
            vulnerabilities.Add(vulnerability);
        }

        bom["vulnerabilities"] = vulnerabilities;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        bom.WriteTo(writer);
    }
}
