using System.Globalization;
using System.Text.Json;
using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.CycloneDx;

/// <summary>Writes an <see cref="SbomDocument"/> as CycloneDX 1.6 JSON (contracts §5).</summary>
public static class CycloneDxWriter
{
    private const string SchemaUrl = "http://cyclonedx.org/schema/bom-1.6.schema.json";

    /// <summary>Maps <paramref name="document"/> to the CycloneDX model.</summary>
    /// <param name="document">What the scan found.</param>
    /// <param name="subjectType">CycloneDX type of the scanned subject: <c>container</c> for images, <c>file</c> for directories and archives.</param>
    /// <param name="timestamp">Creation time; now when null (tests pass a fixed one).</param>
    public static CycloneDxBom ToBom(SbomDocument document, string subjectType = "file", DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var components = new List<CycloneDxComponent>(document.Components.Count + 1);
        if (document.OperatingSystem is { } os)
        {
            components.Add(new CycloneDxComponent
            {
                BomRef = $"os:{os.Distro}",
                Type = "operating-system",
                Name = os.Id,
                Version = os.VersionId.Length == 0 ? null : os.VersionId,
                Description = os.PrettyName,
            });
        }

        var usedRefs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in document.Components.OrderBy(c => c.Purl, StringComparer.Ordinal))
        {
            // bom-ref must be unique; the purl is, unless a caller passed unmerged duplicates.
            var bomRef = component.Purl;
            for (var n = 1; !usedRefs.Add(bomRef); n++)
            {
                bomRef = $"{component.Purl}#{n.ToString(CultureInfo.InvariantCulture)}";
            }

            components.Add(new CycloneDxComponent
            {
                BomRef = bomRef,
                Type = "library",
                Name = component.Name,
                Version = component.Version,
                Purl = component.Purl,
                Properties = Properties(component),
            });
        }

        return new CycloneDxBom
        {
            Schema = SchemaUrl,
            SerialNumber = $"urn:uuid:{Guid.NewGuid()}",
            Metadata = new CycloneDxMetadata
            {
                Timestamp = (timestamp ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Tools = ToolsElement(),
                Component = new CycloneDxComponent { BomRef = "subject", Type = subjectType, Name = document.TargetName },
            },
            Components = components,
        };
    }

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> as indented UTF-8 JSON.</summary>
    public static async Task WriteAsync(SbomDocument document, Stream output, string subjectType = "file", CancellationToken cancellationToken = default)
    {
        await JsonSerializer.SerializeAsync(output, ToBom(document, subjectType), CycloneDxJsonContext.Default.CycloneDxBom, cancellationToken);
    }

    /// <summary>Returns <paramref name="document"/> as a CycloneDX JSON string.</summary>
    public static string WriteToString(SbomDocument document, string subjectType = "file", DateTimeOffset? timestamp = null) =>
        JsonSerializer.Serialize(ToBom(document, subjectType, timestamp), CycloneDxJsonContext.Default.CycloneDxBom);

    private static List<CycloneDxProperty>? Properties(Component component)
    {
        var properties = new List<CycloneDxProperty>();
        if (component.SourceName is not null)
        {
            properties.Add(new CycloneDxProperty { Name = VigilProperties.SourceName, Value = component.SourceName });
        }

        if (component.SourceVersion is not null)
        {
            properties.Add(new CycloneDxProperty { Name = VigilProperties.SourceVersion, Value = component.SourceVersion });
        }

        foreach (var location in component.Locations)
        {
            properties.Add(new CycloneDxProperty { Name = VigilProperties.Location, Value = location });
        }

        return properties.Count == 0 ? null : properties;
    }

    private static JsonElement ToolsElement()
    {
        var version = typeof(CycloneDxWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        using var document = JsonDocument.Parse(
            $$"""{"components":[{"type":"application","name":"vigil","version":"{{version}}"}]}""");
        return document.RootElement.Clone();
    }
}
