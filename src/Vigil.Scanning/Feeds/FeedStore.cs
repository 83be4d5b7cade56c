using Vigil.Scanning.Osv;

namespace Vigil.Scanning.Feeds;

/// <summary>
/// The on-disk OSV store shared by the CLI (<c>--store DIR</c>) and the console (under its data directory). Imports
/// write a complete new snapshot beside the current one and then switch the <c>current</c> pointer with one atomic
/// rename, so a failed or interrupted import leaves the previous snapshot in use.
/// </summary>
public sealed class FeedStore(string root)
{
    private const int SnapshotsKept = 3;

    /// <summary>The store directory.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The current snapshot id, or null for an empty store.</summary>
    public string? CurrentSnapshotId
    {
        get
        {
            var file = Path.Combine(Root, FeedSnapshotLayout.CurrentFile);
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
    }

    /// <summary>Opens the current snapshot; null for an empty store.</summary>
    public FeedSnapshot? OpenCurrent()
    {
        var id = CurrentSnapshotId;
        return id is null ? null : FeedSnapshot.Open(Path.Combine(Root, FeedSnapshotLayout.SnapshotsFolder, id), id);
    }

    /// <summary>
    /// Imports <paramref name="sources"/> (directories, zips, JSON files or HTTP(S) URLs of zips). Records replace
    /// same-id records of the current snapshot unless <paramref name="replace"/> starts from empty.
    /// </summary>
    /// <exception cref="FeedImportException">A source is missing, unreadable or cannot be downloaded.</exception>
    public async Task<FeedImportResult> ImportAsync(IReadOnlyList<string> sources, bool replace = false, FeedLimits? limits = null, HttpClient? http = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        limits ??= FeedLimits.Default;
        Directory.CreateDirectory(Root);
        using var importLock = await AcquireImportLockAsync(cancellationToken);
        var records = new Dictionary<string, (OsvAdvisory Advisory, byte[] Line)>(StringComparer.Ordinal);
        var previousId = CurrentSnapshotId;
        LoadCurrent(records);
        // What the previous snapshot held, to count honestly what this import added, changed and removed.
        var previous = records.ToDictionary(r => r.Key, r => r.Value.Line, StringComparer.Ordinal);
        if (replace)
        {
            records.Clear();
        }

        var skipped = new List<SkippedAdvisory>();
        var perSource = new int[sources.Count];
        int imported = 0, withdrawn = 0;
        for (var index = 0; index < sources.Count; index++)
        {
            var source = sources[index];
            var path = source;
            if (HttpFeedDownloader.IsUrl(source))
            {
                if (http is null)
                {
                    using var client = new HttpClient();
                    path = (await new HttpFeedDownloader(client, Path.Combine(Root, FeedSnapshotLayout.DownloadsFolder), limits).DownloadAsync(source, cancellationToken)).Path;
                }
                else
                {
                    path = (await new HttpFeedDownloader(http, Path.Combine(Root, FeedSnapshotLayout.DownloadsFolder), limits).DownloadAsync(source, cancellationToken)).Path;
                }
            }

            foreach (var record in FeedSourceReader.Read(path, limits))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (record.Content is null)
                {
                    skipped.Add(new SkippedAdvisory(record.Origin, record.Error!));
                    continue;
                }

                OsvAdvisory advisory;
                try
                {
                    advisory = OsvParser.Parse(record.Content);
                }
                catch (OsvFormatException e)
                {
                    skipped.Add(new SkippedAdvisory(record.Origin, e.Message));
                    continue;
                }

                if (advisory.Withdrawn is not null)
                {
                    withdrawn++;
                    records.Remove(advisory.Id);
                    continue;
                }

                records[advisory.Id] = (advisory, OsvWriter.ToUtf8(advisory));
                imported++;
                perSource[index]++;
            }
        }

        var snapshots = Path.Combine(Root, FeedSnapshotLayout.SnapshotsFolder);
        Directory.CreateDirectory(snapshots);
        var temporary = Path.Combine(snapshots, ".tmp-" + Guid.NewGuid().ToString("N"));
        FeedSnapshotManifest manifest;
        try
        {
            manifest = FeedSnapshotWriter.Write(temporary, records.Values, sources, skipped);
            var final = Path.Combine(snapshots, manifest.Id);
            if (Directory.Exists(final))
            {
                // Same content as an existing snapshot: keep that one (ids are content hashes).
                Directory.Delete(temporary, recursive: true);
            }
            else
            {
                Directory.Move(temporary, final);
            }
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }

        var pointer = Path.Combine(Root, FeedSnapshotLayout.CurrentFile);
        File.WriteAllText(pointer + ".tmp", manifest.Id);
        File.Move(pointer + ".tmp", pointer, overwrite: true);
        PruneSnapshots(snapshots, manifest.Id, previousId);
        var added = records.Keys.Count(id => !previous.ContainsKey(id));
        var changed = records.Count(r => previous.TryGetValue(r.Key, out var line) && !line.AsSpan().SequenceEqual(r.Value.Line));
        var removed = previous.Keys.Count(id => !records.ContainsKey(id));
        return new FeedImportResult(manifest.Id, manifest.Id != previousId, imported, withdrawn, records.Count, skipped)
        {
            Added = added,
            Updated = changed,
            Removed = removed,
            PerSource = perSource,
        };
    }

    /// <summary>
    /// One import at a time per store (the CLI and the console may share one): an exclusive lock file, waited for up
    /// to a minute. Readers never take it; they only follow the <c>current</c> pointer.
    /// </summary>
    private async Task<FileStream> AcquireImportLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, ".import.lock");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (IOException e)
            {
                throw new FeedImportException($"{Root}: another import is still running", e);
            }
        }
    }

    private void LoadCurrent(Dictionary<string, (OsvAdvisory, byte[])> records)
    {
        var id = CurrentSnapshotId;
        if (id is null)
        {
            return;
        }

        foreach (var line in File.ReadLines(Path.Combine(Root, FeedSnapshotLayout.SnapshotsFolder, id, FeedSnapshotLayout.AdvisoriesFile)))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(line);
            var advisory = OsvParser.Parse(bytes);
            records[advisory.Id] = (advisory, bytes);
        }
    }

    private static void PruneSnapshots(string snapshots, string current, string? previous)
    {
        // Keep the newest few so a reader that opened an older snapshot a moment ago can finish.
        var old = new DirectoryInfo(snapshots).GetDirectories()
            .Where(d => !d.Name.StartsWith('.') && d.Name != current && d.Name != previous)
            .OrderByDescending(d => d.CreationTimeUtc)
            .Skip(SnapshotsKept - 2);
        foreach (var directory in old)
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // In use on some platforms; the next import tries again.
            }
        }
    }
}
