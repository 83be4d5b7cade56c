using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;
using YamlDotNet.RepresentationModel;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// <c>pnpm-lock.yaml</c>: the keys of <c>packages</c> name each resolved package, in three spellings over the
/// lockfile versions: v5 <c>/name/1.2.3_peer</c>, v6 <c>/name@1.2.3(peer)</c>, v9 <c>name@1.2.3</c>.
/// </summary>
public sealed class PnpmLockCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "pnpm-lock";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "pnpm-lock.yaml" && !entry.Path.Contains("node_modules/", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(tree.Open(entry.Path)))
        {
            yaml.Load(reader);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [];
        }

        var lockVersion = root.Children.TryGetValue(new YamlScalarNode("lockfileVersion"), out var v) ? (v as YamlScalarNode)?.Value ?? "" : "";
        if (!root.Children.TryGetValue(new YamlScalarNode("packages"), out var packagesNode) || packagesNode is not YamlMappingNode packages)
        {
            return [];
        }

        var components = new List<Component>();
        foreach (var (keyNode, valueNode) in packages.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null)
            {
                continue;
            }

            var (name, version) = lockVersion.StartsWith('5') ? ParseV5(key) : ParseV6(key);
            if (valueNode is YamlMappingNode fields)
            {
                // Tarball and git dependencies carry their real name and version as fields.
                name = Scalar(fields, "name") ?? name;
                version = Scalar(fields, "version") ?? version;
            }

            if (name is not null && LanguagePurls.IsReleaseVersion(version))
            {
                components.Add(ComponentFactory.Create(LanguagePurls.Npm(name, version!), entry.Path));
            }
        }

        return components;
    }

    private static (string? Name, string? Version) ParseV5(string key)
    {
        var path = key.TrimStart('/');
        var slash = path.LastIndexOf('/');
        if (slash <= 0)
        {
            return (null, null);
        }

        var version = path[(slash + 1)..];
        var peer = version.IndexOf('_', StringComparison.Ordinal);
        return (path[..slash], peer > 0 ? version[..peer] : version);
    }

    private static (string? Name, string? Version) ParseV6(string key)
    {
        var path = key.TrimStart('/');
        var paren = path.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            path = path[..paren];
        }

        var at = path.IndexOf('@', 1);
        return at > 0 ? (path[..at], path[(at + 1)..]) : (null, null);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
