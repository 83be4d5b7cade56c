using System.Text.Json;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Python lockfiles: <c>poetry.lock</c> and <c>uv.lock</c> (TOML <c>[[package]]</c> tables; uv's editable or virtual
/// entries are the project itself) and <c>Pipfile.lock</c> (JSON <c>default</c>/<c>develop</c> maps of <c>==</c> pins).
/// </summary>
public sealed class PythonLockfileCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "python-lock";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName is "poetry.lock" or "uv.lock" or "Pipfile.lock";
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "Pipfile.lock" ? ReadPipfileLock(tree, entry) : ReadToml(tree, entry);
    }

    private static List<Component> ReadToml(IFileTree tree, FileEntry entry)
    {
        using var reader = new StreamReader(tree.Open(entry.Path));
        var components = new List<Component>();
        foreach (var table in TomlPackageTables.Read(reader))
        {
            if (!table.TryGetValue("name", out var name) || !table.TryGetValue("version", out var version) || version.Length == 0)
            {
                continue;
            }

            var source = table.GetValueOrDefault("source") ?? "";
            if (source.Contains("editable", StringComparison.Ordinal) || source.Contains("virtual", StringComparison.Ordinal))
            {
                continue;
            }

            components.Add(ComponentFactory.Create(LanguagePurls.PyPI(name, version), entry.Path));
        }

        return components;
    }

    private static List<Component> ReadPipfileLock(IFileTree tree, FileEntry entry)
    {
        using var stream = tree.Open(entry.Path);
        using var document = JsonDocument.Parse(stream);
        var components = new List<Component>();
        foreach (var section in new[] { "default", "develop" })
        {
            if (!document.RootElement.TryGetProperty(section, out var packages) || packages.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var package in packages.EnumerateObject())
            {
                if (package.Value.ValueKind == JsonValueKind.Object
                    && package.Value.TryGetProperty("version", out var version)
                    && version.GetString() is { } pin && pin.StartsWith("==", StringComparison.Ordinal))
                {
                    components.Add(ComponentFactory.Create(LanguagePurls.PyPI(package.Name, pin.TrimStart('=')), entry.Path));
                }
            }
        }

        return components;
    }
}
