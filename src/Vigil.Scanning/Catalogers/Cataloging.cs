using System.Collections.Concurrent;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Runs catalogers over a tree: one walk, files dispatched to the catalogers that claim them, files read in
/// parallel, components merged by purl. A file that cannot be read becomes a warning, not a failed scan.
/// </summary>
public sealed class Cataloging
{
    private readonly IReadOnlyList<ICataloger> _catalogers;

    /// <summary>Creates a run with <paramref name="catalogers"/>, or every built-in cataloger when null.</summary>
    public Cataloging(IReadOnlyList<ICataloger>? catalogers = null)
    {
        _catalogers = catalogers ?? BuiltInCatalogers.All;
    }

    /// <summary>
    /// Whether the run will read the file: os-release, a cataloger's candidate, or a neighbour one reads with it
    /// (the rpmdb's write-ahead log). Image sources keep only these files' content.
    /// </summary>
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == FileEntryKind.File
            && (OsReleaseReader.Paths.Contains(entry.Path) || entry.FileName is "rpmdb.sqlite-wal" or "go.sum" || _catalogers.Any(c => c.IsCandidate(entry)));
    }

    /// <summary>Catalogs <paramref name="tree"/>.</summary>
    public CatalogResult Run(IFileTree tree, IProgress<CatalogProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var os = OsReleaseReader.Identify(tree);
        var context = new CatalogContext(os);
        var work = new List<(ICataloger Cataloger, FileEntry Entry)>();
        long walked = 0;
        foreach (var entry in tree.Enumerate())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++walked % 4096 == 0)
            {
                progress?.Report(new CatalogProgress(walked, 0));
            }

            if (entry.Kind != FileEntryKind.File)
            {
                continue;
            }

            foreach (var cataloger in _catalogers)
            {
                if (cataloger.IsCandidate(entry))
                {
                    work.Add((cataloger, entry));
                }
            }
        }

        var found = new ConcurrentBag<Component>();
        var warnings = new ConcurrentBag<string>();
        Parallel.ForEach(
            work,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            item =>
            {
                try
                {
                    foreach (var component in item.Cataloger.Catalog(tree, item.Entry, context))
                    {
                        found.Add(component);
                    }
                }
                catch (Exception e) when (e is IOException or InvalidDataException or FormatException or System.Text.Json.JsonException
                    or UnauthorizedAccessException or YamlDotNet.Core.YamlException or Microsoft.Data.Sqlite.SqliteException or ArgumentException)
                {
                    warnings.Add($"{item.Entry.Path}: {item.Cataloger.Name}: {e.Message}");
                }
            });

        progress?.Report(new CatalogProgress(walked, found.Count));
        var document = new SbomDocument(tree.Description, os, ComponentFactory.MergeByPurl(found));
        return new CatalogResult(document, warnings.Order(StringComparer.Ordinal).ToArray(), walked);
    }
}
