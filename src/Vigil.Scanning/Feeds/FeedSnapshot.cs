using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Vigil.Scanning.Osv;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Feeds;

/// <summary>
/// A read-only view of one snapshot. Opening reads only the ecosystem list; an ecosystem's name index is loaded the
/// first time it is asked about, and advisory lines are read and parsed on demand and cached. Thread-safe.
/// </summary>
public sealed class FeedSnapshot : IDisposable
{
    private readonly string _directory;
    private readonly Dictionary<string, string> _indexFiles;
    private readonly ConcurrentDictionary<string, Lazy<Dictionary<string, List<(long Offset, int Length)>>>> _indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, OsvAdvisory> _parsed = new();
    private readonly Lazy<Dictionary<string, List<(long Offset, int Length)>>> _ids;
    private readonly Lazy<FeedSnapshotManifest> _manifest;
    private readonly Lazy<Dictionary<string, SeverityRating>> _severities;
    private readonly SafeFileHandle _advisories;

    private FeedSnapshot(string directory, string id, Dictionary<string, string> indexFiles, IReadOnlyDictionary<string, int> counts)
    {
        _directory = directory;
        Id = id;
        _indexFiles = indexFiles;
        EcosystemCounts = counts;
        _advisories = File.OpenHandle(Path.Combine(directory, FeedSnapshotLayout.AdvisoriesFile), FileMode.Open, FileAccess.Read, FileShare.Read);
        _ids = new Lazy<Dictionary<string, List<(long, int)>>>(() => LoadIndex(Path.Combine(_directory, FeedSnapshotLayout.IdsFile), StringComparer.OrdinalIgnoreCase));
        _severities = new Lazy<Dictionary<string, SeverityRating>>(LoadSeverities);
        _manifest = new Lazy<FeedSnapshotManifest>(() =>
            JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(_directory, FeedSnapshotLayout.ManifestFile)), FeedJsonContext.Default.FeedSnapshotManifest)!);
    }

    /// <summary>The snapshot id (content hash).</summary>
    public string Id { get; }

    /// <summary>Advisories per ecosystem as published (<c>Debian:12</c>, <c>PyPI</c>).</summary>
    public IReadOnlyDictionary<string, int> EcosystemCounts { get; }

    /// <summary>The manifest (sources, counts, skipped records), read on first use.</summary>
    public FeedSnapshotManifest Manifest => _manifest.Value;

    /// <summary>Opens the snapshot in <paramref name="directory"/>.</summary>
    public static FeedSnapshot Open(string directory, string id)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, FeedSnapshotLayout.EcosystemsFile)))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3)
            {
                files[parts[0]] = parts[1];
                counts[parts[0]] = int.Parse(parts[2], CultureInfo.InvariantCulture);
            }
        }

        return new FeedSnapshot(directory, id, files, counts);
    }

    /// <summary>Advisories with an affected entry for <paramref name="name"/> in exactly <paramref name="ecosystem"/>.</summary>
    public IReadOnlyList<OsvAdvisory> Lookup(string ecosystem, string name)
    {
        var index = Index(ecosystem);
        return index is not null && index.TryGetValue(PackageNames.Normalize(ecosystem, name), out var locations) ? locations.Select(Read).ToList() : [];
    }

    /// <summary>The normalised package names that have advisories in <paramref name="ecosystem"/>.</summary>
    public IReadOnlyCollection<string> PackageNamesOf(string ecosystem) => Index(ecosystem)?.Keys ?? (IReadOnlyCollection<string>)[];

    private Dictionary<string, List<(long Offset, int Length)>>? Index(string ecosystem)
    {
        if (!_indexFiles.TryGetValue(ecosystem, out var file))
        {
            return null;
        }

        return _indexes.GetOrAdd(ecosystem, _ => new Lazy<Dictionary<string, List<(long, int)>>>(
            () => LoadIndex(Path.Combine(_directory, FeedSnapshotLayout.IndexFolder, file), StringComparer.Ordinal))).Value;
    }

    /// <summary>Advisories whose id, alias or upstream id is <paramref name="id"/> (case-insensitive).</summary>
    public IReadOnlyList<OsvAdvisory> FindById(string id) =>
        _ids.Value.TryGetValue(id, out var locations) ? locations.Select(Read).ToList() : [];

    /// <summary>
    /// The worst severity any advisory in the snapshot carries for <paramref name="id"/> (its own id, an alias or an
    /// upstream id), with the advisory it came from as origin; null when none has one.
    /// </summary>
    public SeverityRating? AliasSeverity(string id) => _severities.Value.GetValueOrDefault(id);

    private Dictionary<string, SeverityRating> LoadSeverities()
    {
        var ratings = new Dictionary<string, SeverityRating>(StringComparer.OrdinalIgnoreCase);
        var path = Path.Combine(_directory, FeedSnapshotLayout.SeverityFile);
        if (!File.Exists(path))
        {
            return ratings;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length == 4 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
            {
                double? score = double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
                ratings[parts[0]] = new SeverityRating((SeverityLevel)level, score, $"alias {parts[3]}");
            }
        }

        return ratings;
    }

    private OsvAdvisory Read((long Offset, int Length) location) =>
        _parsed.GetOrAdd(location.Offset, _ =>
        {
            var buffer = new byte[location.Length];
            RandomAccess.Read(_advisories, buffer, location.Offset);
            return OsvParser.Parse(buffer);
        });

    private static Dictionary<string, List<(long, int)>> LoadIndex(string path, StringComparer comparer)
    {
        var index = new Dictionary<string, List<(long, int)>>(comparer);
        foreach (var line in File.ReadLines(path))
        {
            var second = line.LastIndexOf('\t');
            var first = line.LastIndexOf('\t', second - 1);
            var key = line[..first];
            var offset = long.Parse(line.AsSpan(first + 1, second - first - 1), CultureInfo.InvariantCulture);
            var length = int.Parse(line.AsSpan(second + 1), CultureInfo.InvariantCulture);
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            if (!list.Contains((offset, length)))
            {
                list.Add((offset, length));
            }
        }

        return index;
    }

    /// <inheritdoc />
    public void Dispose() => _advisories.Dispose();
}
