using System.Text.Json;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Installed JavaScript packages: every <c>package.json</c> with a name and a release version, as Trivy and Syft
/// read installed trees (node_modules, Debian's <c>/usr/share/nodejs</c>, bundled apps).
/// </summary>
public sealed class NpmInstalledCataloger : ICataloger
{
    /// <summary>Real package.json files are small; a huge one is not a manifest worth parsing.</summary>
    private const long MaxManifestBytes = 4 * 1024 * 1024;

    /// <inheritdoc />
    public string Name => "npm-installed";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "package.json" && entry.Size <= MaxManifestBytes;
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = tree.Open(entry.Path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String)
        {
            return [];
        }

        var text = version.GetString();
        var packageName = name.GetString()!;
        if (!LanguagePurls.IsReleaseVersion(text) || packageName.Length == 0 || packageName.Contains(' ', StringComparison.Ordinal))
        {
            return [];
        }

        return [ComponentFactory.Create(LanguagePurls.Npm(packageName, text!), entry.Path)];
    }
}
