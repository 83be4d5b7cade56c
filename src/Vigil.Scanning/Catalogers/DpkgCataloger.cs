using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Debian packages from <c>var/lib/dpkg/status</c> and distroless-style <c>var/lib/dpkg/status.d/*</c>, keeping each
/// package's source package and source version (the Debian security tracker keys advisories on them).
/// </summary>
public sealed class DpkgCataloger : ICataloger
{
    private const string StatusPath = "var/lib/dpkg/status";
    private const string StatusDirectory = "var/lib/dpkg/status.d/";

    /// <inheritdoc />
    public string Name => "dpkg";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Path.EndsWith(StatusPath, StringComparison.Ordinal) && IsAtRootOrNested(entry.Path, StatusPath)
            || (entry.Path.Contains(StatusDirectory, StringComparison.Ordinal) && !entry.Path.EndsWith(".md5sums", StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(context);
        var fromStatusDirectory = entry.Path.Contains(StatusDirectory, StringComparison.Ordinal);
        using var reader = new StreamReader(tree.Open(entry.Path));
        var components = new List<Component>();
        foreach (var stanza in ControlStanzaReader.Read(reader))
        {
            // status.d files describe installed packages only and carry no Status field.
            if (!fromStatusDirectory && !IsInstalled(stanza.GetValueOrDefault("Status")))
            {
                continue;
            }

            if (!stanza.TryGetValue("Package", out var name) || !stanza.TryGetValue("Version", out var version) || version.Length == 0)
            {
                continue;
            }

            var (sourceName, sourceVersion) = Source(stanza.GetValueOrDefault("Source"), name, version);
            components.Add(ComponentFactory.Create(
                DistroPurls.Create("deb", context, name, version, stanza.GetValueOrDefault("Architecture")),
                entry.Path,
                sourceName,
                sourceVersion));
        }

        return components;
    }

    /// <summary>
    /// "Source: glibc" means the same version; "Source: gcc-12 (12.2.0-14)" names a different one (binNMUs, renamed binaries).
    /// </summary>
    internal static (string Name, string Version) Source(string? field, string package, string version)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return (package, version);
        }

        var open = field.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (field.Trim(), version);
        }

        var close = field.IndexOf(')', open);
        var sourceVersion = close > open ? field[(open + 1)..close].Trim() : version;
        return (field[..open].Trim(), sourceVersion);
    }

    private static bool IsInstalled(string? status) =>
        status is not null && (status.EndsWith(" installed", StringComparison.Ordinal) || status.EndsWith(" half-configured", StringComparison.Ordinal));

    private static bool IsAtRootOrNested(string path, string suffix) =>
        path.Length == suffix.Length || path[path.Length - suffix.Length - 1] == '/';
}
