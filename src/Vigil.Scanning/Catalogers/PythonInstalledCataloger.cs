using System.IO.Compression;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Installed Python distributions: <c>*.dist-info/METADATA</c> (wheels, pip), <c>*.egg-info/PKG-INFO</c> and
/// single-file <c>*.egg-info</c> (setuptools, Debian's python3-* packages), and zipped <c>*.egg</c> distributions
/// (their <c>EGG-INFO/PKG-INFO</c>). Name and Version come from the core-metadata headers, which end at the first
/// blank line.
/// </summary>
public sealed class PythonInstalledCataloger : ICataloger
{
    private const long MaxMetadataBytes = 8 * 1024 * 1024;

    /// <inheritdoc />
    public string Name => "python-installed";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Size <= MaxMetadataBytes
            && (entry.Path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)
                || entry.Path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal)
                || entry.Path.EndsWith(".egg/EGG-INFO/PKG-INFO", StringComparison.Ordinal)
                || entry.FileName.EndsWith(".egg-info", StringComparison.Ordinal)
                || entry.FileName.EndsWith(".egg", StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = tree.Open(entry.Path);
        if (entry.FileName.EndsWith(".egg", StringComparison.Ordinal))
        {
            return ReadEgg(stream, entry.Path);
        }

        using var reader = new StreamReader(stream);
        return Read(reader, entry.Path);
    }

    private static IEnumerable<Component> ReadEgg(Stream stream, string location)
    {
        // A zipped egg is a zip file; an unzipped one is a directory, whose EGG-INFO/PKG-INFO the walk finds anyway.
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var pkgInfo = zip.GetEntry("EGG-INFO/PKG-INFO");
        if (pkgInfo is null || pkgInfo.Length > MaxMetadataBytes)
        {
            return [];
        }

        using var reader = new StreamReader(pkgInfo.Open());
        return Read(reader, location);
    }

    private static IEnumerable<Component> Read(StreamReader reader, string location)
    {
        string? name = null, version = null;
        while (reader.ReadLine() is { } line && line.Length > 0)
        {
            if (line.StartsWith("Name:", StringComparison.OrdinalIgnoreCase))
            {
                name = line[5..].Trim();
            }
            else if (line.StartsWith("Version:", StringComparison.OrdinalIgnoreCase))
            {
                version = line[8..].Trim();
            }

            if (name is not null && version is not null)
            {
                break;
            }
        }

        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version)
            ? []
            : [ComponentFactory.Create(LanguagePurls.PyPI(name, version), location)];
    }
}
