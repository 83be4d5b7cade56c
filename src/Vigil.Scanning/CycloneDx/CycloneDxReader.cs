using System.Text.Json;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.CycloneDx;

/// <summary>
/// Reads CycloneDX 1.2–1.6 JSON from Vigil, Syft or Trivy into an <see cref="SbomDocument"/>. Components without a
/// usable purl are returned in <see cref="SbomReadResult.Unidentified"/>, never dropped silently.
/// </summary>
public static class CycloneDxReader
{
    private static readonly string[] SupportedVersions = ["1.2", "1.3", "1.4", "1.5", "1.6"];

    /// <summary>Reads a BOM from <paramref name="input"/>.</summary>
    /// <exception cref="SbomFormatException">The input is not CycloneDX JSON of a supported version.</exception>
    public static async Task<SbomReadResult> ReadAsync(Stream input, CancellationToken cancellationToken = default)
    {
        CycloneDxBom? bom;
        try
        {
            bom = await JsonSerializer.DeserializeAsync(input, CycloneDxJsonContext.Default.CycloneDxBom, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new SbomFormatException($"not CycloneDX JSON: {e.Message}", e);
        }

        return FromBom(bom);
    }

    /// <summary>Reads a BOM from a JSON string.</summary>
    public static SbomReadResult Read(string json)
    {
        CycloneDxBom? bom;
        try
        {
            bom = JsonSerializer.Deserialize(json, CycloneDxJsonContext.Default.CycloneDxBom);
        }
        catch (JsonException e)
        {
            throw new SbomFormatException($"not CycloneDX JSON: {e.Message}", e);
        }

        return FromBom(bom);
    }

    private static SbomReadResult FromBom(CycloneDxBom? bom)
    {
        if (bom is null || bom.BomFormat != "CycloneDX")
        {
            throw new SbomFormatException("not a CycloneDX BOM: bomFormat must be \"CycloneDX\"");
        }

        if (!SupportedVersions.Contains(bom.SpecVersion))
        {
            throw new SbomFormatException($"unsupported CycloneDX specVersion '{bom.SpecVersion}' (supported: {string.Join(", ", SupportedVersions)})");
        }

        var all = Flatten(bom.Components ?? []).ToList();
        var osComponent = all.FirstOrDefault(c => c.Type == "operating-system");
        var os = osComponent is null
            ? null
            : new OperatingSystemIdentity(osComponent.Name.ToLowerInvariant(), osComponent.Version ?? "", osComponent.Description);

        var components = new List<Component>();
        var unidentified = new List<UnidentifiedComponent>();
        foreach (var item in all.Where(c => c.Type != "operating-system"))
        {
            if (string.IsNullOrWhiteSpace(item.Purl))
            {
                unidentified.Add(new UnidentifiedComponent(item.Name, item.Version, item.Type, "no purl"));
                continue;
            }

            if (!TryParsePurl(item.Purl, out var purl, out var error))
            {
                unidentified.Add(new UnidentifiedComponent(item.Name, item.Version, item.Type, error));
                continue;
            }

            var (sourceName, sourceVersion) = SourcePackage(item, purl);
            var component = ComponentFactory.Create(purl, Locations(item), sourceName, sourceVersion);
            if (component.Distro is null && os is not null && purl.Type is "deb" or "apk" or "rpm")
            {
                // Some producers leave the distro on the OS component only; the matcher needs it on each package.
                component = component with { Distro = os.Distro };
            }

            components.Add(component);
        }

        var target = bom.Metadata?.Component?.Name ?? "";
        return new SbomReadResult(new SbomDocument(target, os, ComponentFactory.MergeByPurl(components)), bom.SpecVersion, unidentified);
    }

    private static IEnumerable<CycloneDxComponent> Flatten(IEnumerable<CycloneDxComponent> components)
    {
        foreach (var component in components)
        {
            yield return component;
            foreach (var nested in Flatten(component.Components ?? []))
            {
                yield return nested;
            }
        }
    }

    private static bool TryParsePurl(string text, out PackageUrl purl, out string error)
    {
        try
        {
            purl = PackageUrl.Parse(text);
            error = "";
            return true;
        }
        catch (PackageUrlFormatException e)
        {
            purl = null!;
            error = e.Reason;
            return false;
        }
    }

    private static (string? Name, string? Version) SourcePackage(CycloneDxComponent item, PackageUrl purl)
    {
        var name = Property(item, VigilProperties.SourceName);
        var version = Property(item, VigilProperties.SourceVersion);
        if (name is not null || version is not null)
        {
            return (name, version);
        }

        name = Property(item, VigilProperties.TrivySourceName);
        version = Property(item, VigilProperties.TrivySourceVersion);
        if (name is not null || version is not null)
        {
            // Trivy splits a Debian/RPM version into epoch, version and release; put them back together.
            var release = Property(item, VigilProperties.TrivySourceRelease);
            var epoch = Property(item, VigilProperties.TrivySourceEpoch);
            if (version is not null && !string.IsNullOrEmpty(release))
            {
                version = $"{version}-{release}";
            }

            if (version is not null && !string.IsNullOrEmpty(epoch) && epoch != "0")
            {
                version = $"{epoch}:{version}";
            }

            return (name, version);
        }

        // Syft writes the source package as the purl qualifier upstream=NAME or upstream=NAME@VERSION.
        if (purl.Qualifiers.TryGetValue("upstream", out var upstream))
        {
            var at = upstream.IndexOf('@', StringComparison.Ordinal);
            return at > 0 ? (upstream[..at], upstream[(at + 1)..]) : (upstream, null);
        }

        return (null, null);
    }

    private static string[] Locations(CycloneDxComponent item)
    {
        var properties = item.Properties ?? [];
        var locations = properties.Where(p => p.Name == VigilProperties.Location).Select(p => p.Value!).ToArray();
        if (locations.Length == 0)
        {
            locations = properties
                .Where(p => p.Name == VigilProperties.TrivyFilePath
                    || (p.Name.StartsWith(VigilProperties.SyftLocationPrefix, StringComparison.Ordinal) && p.Name.EndsWith(":path", StringComparison.Ordinal)))
                .Select(p => p.Value!)
                .ToArray();
        }

        return locations.Where(l => !string.IsNullOrEmpty(l)).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string? Property(CycloneDxComponent item, string name) =>
        item.Properties?.FirstOrDefault(p => p.Name == name)?.Value;
}
