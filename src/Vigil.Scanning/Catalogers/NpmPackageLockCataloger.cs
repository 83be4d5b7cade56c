using System.Text.Json;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// npm lockfiles (<c>package-lock.json</c>, <c>npm-shrinkwrap.json</c>): v2/v3 read the flat <c>packages</c> map keyed
/// by install path; v1 the nested <c>dependencies</c> tree. Workspace links and non-registry versions are skipped.
/// </summary>
public sealed class NpmPackageLockCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "npm-lock";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName is "package-lock.json" or "npm-shrinkwrap.json" && !entry.Path.Contains("node_modules/", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = tree.Open(entry.Path);
        using var document = JsonDocument.Parse(stream);
        var components = new List<Component>();
        if (document.RootElement.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
        {
            foreach (var package in packages.EnumerateObject())
            {
                var marker = package.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
                if (marker < 0 || package.Value.ValueKind != JsonValueKind.Object || IsTrue(package.Value, "link"))
                {
                    continue;
                }

                // An aliased install ("foo": "npm:bar@1") records the real package name in "name".
                var name = Text(package.Value, "name") ?? package.Name[(marker + "node_modules/".Length)..];
                Add(components, name, Text(package.Value, "version"), entry.Path);
            }
        }
        else if (document.RootElement.TryGetProperty("dependencies", out var dependencies))
        {
            AddV1(components, dependencies, entry.Path, depth: 0);
        }

        return components;
    }

    private static void AddV1(List<Component> components, JsonElement dependencies, string location, int depth)
    {
        // Nesting mirrors node_modules; a hostile file could nest without end, real trees stay far below this.
        if (dependencies.ValueKind != JsonValueKind.Object || depth > 64)
        {
            return;
        }

        foreach (var dependency in dependencies.EnumerateObject())
        {
            if (dependency.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            Add(components, dependency.Name, Text(dependency.Value, "version"), location);
            if (dependency.Value.TryGetProperty("dependencies", out var nested))
            {
                AddV1(components, nested, location, depth + 1);
            }
        }
    }

    private static void Add(List<Component> components, string name, string? version, string location)
    {
        if (LanguagePurls.IsReleaseVersion(version) && name.Length > 0)
        {
            components.Add(ComponentFactory.Create(LanguagePurls.Npm(name, version!), location));
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
