using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Scanning.Osv;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Feeds;

/// <summary>Writes a complete snapshot directory (see <see cref="FeedSnapshotLayout"/>) from a set of advisories.</summary>
internal static class FeedSnapshotWriter
{
    /// <summary>The worst rating an advisory carries itself (any affected entry or top level), or null.</summary>
    private static SeverityRating? OwnRating(OsvAdvisory advisory)
    {
        SeverityRating? worst = SeverityResolver.Own(advisory, null);
        foreach (var affected in advisory.Affected)
        {
            var rating = SeverityResolver.Own(advisory, affected);
            if (rating is not null && (worst is null || rating.IsWorseThan(worst)))
            {
                worst = rating;
            }
        }

        return worst;
    }

    /// <summary>Writes the snapshot into <paramref name="directory"/> (which must be new) and returns its manifest.</summary>
    public static FeedSnapshotManifest Write(string directory, IReadOnlyCollection<(OsvAdvisory Advisory, byte[] Line)> advisories, IReadOnlyList<string> sources, IReadOnlyList<SkippedAdvisory> skipped)
    {
        Directory.CreateDirectory(Path.Combine(directory, FeedSnapshotLayout.IndexFolder));
        var indexes = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var ids = new StringBuilder();
        var severities = new Dictionary<string, (SeverityRating Rating, string Advisory)>(StringComparer.OrdinalIgnoreCase);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The layout version takes part in the id, so a snapshot written by an older layout is never reused as current.
        sha.AppendData(Encoding.UTF8.GetBytes($"vigil-feed-snapshot/{FeedSnapshotLayout.Version}\n"));
        long offset = 0;
        using (var output = new FileStream(Path.Combine(directory, FeedSnapshotLayout.AdvisoriesFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var (advisory, line) in advisories.OrderBy(a => a.Advisory.Id, StringComparer.Ordinal))
            {
                output.Write(line);
                output.WriteByte((byte)'\n');
                sha.AppendData(line);
                sha.AppendData("\n"u8);
                var location = string.Create(CultureInfo.InvariantCulture, $"\t{offset}\t{line.Length}\n");
                foreach (var id in advisory.AllIds.Distinct(StringComparer.Ordinal))
                {
                    ids.Append(id).Append(location);
                }

                if (OwnRating(advisory) is { } rating)
                {
                    foreach (var id in advisory.AllIds)
                    {
                        if (!severities.TryGetValue(id, out var existing) || rating.IsWorseThan(existing.Rating))
                        {
                            severities[id] = (rating, advisory.Id);
                        }
                    }
                }

                foreach (var key in advisory.Affected.Select(a => (a.Package.Ecosystem, Name: PackageNames.Normalize(a.Package.Ecosystem, a.Package.Name))).Distinct())
                {
                    if (!indexes.TryGetValue(key.Ecosystem, out var index))
                    {
                        indexes[key.Ecosystem] = index = new StringBuilder();
                    }

                    index.Append(key.Name).Append(location);
                }

                foreach (var ecosystem in advisory.Affected.Select(a => a.Package.Ecosystem).Distinct(StringComparer.Ordinal))
                {
                    counts[ecosystem] = counts.GetValueOrDefault(ecosystem) + 1;
                }

                offset += line.Length + 1;
            }
        }

        var ecosystems = new StringBuilder();
        foreach (var (ecosystem, index) in indexes.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var file = FeedSnapshotLayout.IndexFileName(ecosystem);
            File.WriteAllText(Path.Combine(directory, FeedSnapshotLayout.IndexFolder, file), index.ToString());
            ecosystems.Append(CultureInfo.InvariantCulture, $"{ecosystem}\t{file}\t{counts[ecosystem]}\n");
        }

        File.WriteAllText(Path.Combine(directory, FeedSnapshotLayout.EcosystemsFile), ecosystems.ToString());
        File.WriteAllText(Path.Combine(directory, FeedSnapshotLayout.IdsFile), ids.ToString());
        var severityLines = new StringBuilder();
        foreach (var (id, (rating, advisoryId)) in severities.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            severityLines.Append(CultureInfo.InvariantCulture, $"{id}\t{(int)rating.Level}\t{rating.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? ""}\t{advisoryId}\n");
        }

        File.WriteAllText(Path.Combine(directory, FeedSnapshotLayout.SeverityFile), severityLines.ToString());
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        var manifest = new FeedSnapshotManifest(hash[..16], hash, DateTimeOffset.UtcNow, sources, advisories.Count, counts, skipped.Take(1000).ToList(), skipped.Count);
        File.WriteAllText(Path.Combine(directory, FeedSnapshotLayout.ManifestFile), JsonSerializer.Serialize(manifest, FeedJsonContext.Default.FeedSnapshotManifest));
        return manifest;
    }
}
