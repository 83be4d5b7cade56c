using System.Text.Json;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// .NET packages: <c>packages.lock.json</c> (restore's lock: per target framework, <c>resolved</c> versions) and
/// <c>*.deps.json</c> (what a built application loads: <c>libraries</c> of type <c>package</c>). Project references
/// are the application itself and are skipped.
/// </summary>
public sealed class NuGetCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "nuget";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "packages.lock.json" || (entry.FileName.EndsWith(".deps.json", StringComparison.Ordinal) && entry.Size < 16 * 1024 * 1024);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = tree.Open(entry.Path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var components = new List<Component>();
        if (entry.FileName == "packages.lock.json")
        {
            if (root.TryGetProperty("dependencies", out var frameworks) && frameworks.ValueKind == JsonValueKind.Object)
            {
                foreach (var framework in frameworks.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
                {
                    foreach (var package in framework.Value.EnumerateObject())
                    {
                        if (package.Value.ValueKind == JsonValueKind.Object
                            && Text(package.Value, "type") != "Project"
                            && Text(package.Value, "resolved") is { Length: > 0 } resolved)
                        {
                            components.Add(ComponentFactory.Create(LanguagePurls.NuGet(package.Name, resolved), entry.Path));
                        }
                    }
                }
            }
        }
        else if (root.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
        {
            foreach (var library in libraries.EnumerateObject())
            {
                var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                if (slash > 0 && library.Value.ValueKind == JsonValueKind.Object && Text(library.Value, "type") == "package")
                {
                    components.Add(ComponentFactory.Create(LanguagePurls.NuGet(library.Name[..slash], library.Name[(slash + 1)..]), entry.Path));
                }
            }
        }

        return components;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
