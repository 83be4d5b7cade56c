using System.Globalization;
using System.Text.Json;

namespace Vigil.Scanning.Osv;

/// <summary>
/// Writes an <see cref="OsvAdvisory"/> back as compact OSV JSON (only the fields Vigil keeps), so the feed store's
/// lines are valid OSV and are read with the same <see cref="OsvParser"/>.
/// </summary>
public static class OsvWriter
{
    /// <summary>One-line UTF-8 JSON of <paramref name="advisory"/>.</summary>
    public static byte[] ToUtf8(OsvAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", advisory.Id);
            if (advisory.Modified is { } modified)
            {
                w.WriteString("modified", modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            }

            if (advisory.Summary is not null)
            {
                w.WriteString("summary", advisory.Summary);
            }

            Strings(w, "aliases", advisory.Aliases);
            Strings(w, "upstream", advisory.Upstream);
            Severities(w, advisory.Severity);
            Database(w, advisory.DatabaseSeverity);
            w.WriteStartArray("affected");
            foreach (var a in advisory.Affected)
            {
                w.WriteStartObject();
                w.WriteStartObject("package");
                w.WriteString("ecosystem", a.Package.Ecosystem);
                w.WriteString("name", a.Package.Name);
                if (a.Package.Purl is not null)
                {
                    w.WriteString("purl", a.Package.Purl);
                }

                w.WriteEndObject();
                w.WriteStartArray("ranges");
                foreach (var r in a.Ranges)
                {
                    w.WriteStartObject();
                    w.WriteString("type", r.Type);
                    w.WriteStartArray("events");
                    foreach (var e in r.Events)
                    {
                        w.WriteStartObject();
                        w.WriteString(EventName(e.Kind), e.Version);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Strings(w, "versions", a.Versions);
                Severities(w, a.Severity);
                Database(w, a.DatabaseSeverity);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string EventName(OsvEventKind kind) => kind switch
    {
        OsvEventKind.Introduced => "introduced",
        OsvEventKind.Fixed => "fixed",
        OsvEventKind.LastAffected => "last_affected",
        _ => "limit",
    };

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Severities(Utf8JsonWriter w, IReadOnlyList<OsvSeverity> severities)
    {
        if (severities.Count == 0)
        {
            return;
        }

        w.WriteStartArray("severity");
        foreach (var s in severities)
        {
            w.WriteStartObject();
            w.WriteString("type", s.Type);
            w.WriteString("score", s.Score);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Database(Utf8JsonWriter w, OsvDatabaseSeverity? db)
    {
        if (db is null)
        {
            return;
        }

        w.WriteStartObject("database_specific");
        if (db.Level is not null)
        {
            w.WriteString("severity", db.Level);
        }

        if (db.Score is { } score)
        {
            w.WriteNumber("cvss_score", score);
        }

        if (db.Vector is not null)
        {
            w.WriteString("cvss", db.Vector);
        }

        w.WriteEndObject();
    }
}
