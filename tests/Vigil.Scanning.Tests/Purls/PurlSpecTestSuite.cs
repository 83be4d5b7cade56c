using System.Text.Json;

namespace Vigil.Scanning.Tests.Purls;

/// <summary>The purl specification's test-suite-data.json (copied verbatim from package-url/purl-spec) as theory data.</summary>
public static class PurlSpecTestSuite
{
    public static TheoryData<PurlSpecCase> Cases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Purls", "test-suite-data.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var data = new TheoryData<PurlSpecCase>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            data.Add(new PurlSpecCase(
                item.GetProperty("description").GetString()!,
                item.GetProperty("purl").GetString()!,
                Text(item, "canonical_purl"),
                Text(item, "type"),
                Text(item, "namespace"),
                Text(item, "name"),
                Text(item, "version"),
                item.GetProperty("qualifiers").ValueKind == JsonValueKind.Object
                    ? item.GetProperty("qualifiers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
                    : null,
                Text(item, "subpath"),
                item.GetProperty("is_invalid").GetBoolean()));
        }

        return data;
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
