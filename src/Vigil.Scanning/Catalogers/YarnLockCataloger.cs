using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// <c>yarn.lock</c>, classic (v1: <c>version "1.2.3"</c>) and berry (YAML: <c>version: 1.2.3</c>). Each block's
/// header lists the requested descriptors; the package name is the first descriptor up to its version '@'.
/// Berry workspace and patch entries are the project itself or duplicates, and are skipped.
/// </summary>
public sealed class YarnLockCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "yarn-lock";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "yarn.lock" && !entry.Path.Contains("node_modules/", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new StreamReader(tree.Open(entry.Path));
        var components = new List<Component>();
        string? name = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] != ' ')
            {
                name = line.EndsWith(':') ? PackageName(line[..^1]) : null;
                continue;
            }

            var trimmed = line.TrimStart();
            if (name is null || !trimmed.StartsWith("version", StringComparison.Ordinal) || line.Length - trimmed.Length != 2)
            {
                continue;
            }

            var version = trimmed["version".Length..].TrimStart(':', ' ').Trim('"');
            if (LanguagePurls.IsReleaseVersion(version))
            {
                components.Add(ComponentFactory.Create(LanguagePurls.Npm(name, version), entry.Path));
            }

            name = null;
        }

        return components;
    }

    private static string? PackageName(string header)
    {
        var first = header.Split(',')[0].Trim().Trim('"');
        if (first == "__metadata" || first.Contains("@workspace:", StringComparison.Ordinal) || first.Contains("@patch:", StringComparison.Ordinal)
            || first.Contains("@link:", StringComparison.Ordinal) || first.Contains("@file:", StringComparison.Ordinal))
        {
            return null;
        }

        // Skip a scope's leading '@' when looking for the one that starts the version range.
        var at = first.IndexOf('@', 1);
        return at > 0 ? first[..at] : null;
    }
}
