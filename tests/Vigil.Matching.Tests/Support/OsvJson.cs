namespace Vigil.Matching.Tests.Support;

/// <summary>Builds small OSV records for tests that need advisories the real feeds do not have.</summary>
internal static class OsvJson
{
    public static string Advisory(string id, string ecosystem, string name, string rangesJson, string extra = "", string versionsJson = "[]") =>
        $$"""
        {
          "schema_version": "1.6.0",
          "id": "{{id}}",
          "modified": "2025-01-01T00:00:00Z",
          "summary": "test advisory {{id}}"{{(extra.Length > 0 ? "," + extra : "")}},
          "affected": [
            { "package": { "ecosystem": "{{ecosystem}}", "name": "{{name}}" }, "ranges": {{rangesJson}}, "versions": {{versionsJson}} }
          ]
        }
        """;

    public static string Range(string type, params (string Kind, string Version)[] events) =>
        $$"""{ "type": "{{type}}", "events": [{{string.Join(", ", events.Select(e => $$"""{ "{{e.Kind}}": "{{e.Version}}" }"""))}}] }""";
}
