using System.Text.Json;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// PHP packages: <c>composer.lock</c> (<c>packages</c> and <c>packages-dev</c>) and what Composer installed,
/// <c>vendor/composer/installed.json</c> (a bare array in Composer 1, <c>{"packages": [...]}</c> in Composer 2).
/// </summary>
public sealed class ComposerCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "composer";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "composer.lock" || entry.Path.EndsWith("vendor/composer/installed.json", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = tree.Open(entry.Path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var lists = root.ValueKind == JsonValueKind.Array
            ? [root]
            : new[] { "packages", "packages-dev" }
                .Select(name => root.TryGetProperty(name, out var list) ? list : default)
                .Where(list => list.ValueKind == JsonValueKind.Array)
                .ToArray();
        var components = new List<Component>();
        foreach (var package in lists.SelectMany(list => list.EnumerateArray()).Where(p => p.ValueKind == JsonValueKind.Object))
        {
            if (package.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } packageName
                && package.TryGetProperty("version", out var version) && version.GetString() is { } text
                && LanguagePurls.IsReleaseVersion(text) && !text.StartsWith("dev-", StringComparison.Ordinal))
            {
                components.Add(ComponentFactory.Create(LanguagePurls.Composer(packageName, text), entry.Path));
            }
        }

        return components;
    }
}
