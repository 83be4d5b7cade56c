using System.IO.Compression;

namespace Vigil.Scanning.Feeds;

/// <summary>
/// Enumerates OSV records from a directory (every <c>*.json</c>, recursively) or a bulk zip (every <c>*.json</c>
/// entry). A record over the size cap or an unreadable zip entry is returned with an error rather than thrown, so one
/// bad record never stops an import; an unreadable zip as a whole is a <see cref="FeedImportException"/>.
/// </summary>
public static class FeedSourceReader
{
    /// <summary>Records of a local path (directory, zip file or single JSON file).</summary>
    public static IEnumerable<FeedRecord> Read(string path, FeedLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (Directory.Exists(path))
        {
            return ReadDirectory(path, limits);
        }

        if (!File.Exists(path))
        {
            throw new FeedImportException($"feed source not found: {path}");
        }

        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? [ReadFile(path, path, limits)] : ReadZip(path, limits);
    }

    private static IEnumerable<FeedRecord> ReadDirectory(string directory, FeedLimits limits)
    {
        var count = 0;
        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                // A feed pack laid out as <Ecosystem>/all.zip: read every zip in it.
                foreach (var record in ReadZip(file, limits))
                {
                    yield return record;
                }

                continue;
            }

            if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (++count > limits.MaxEntriesPerSource)
            {
                throw new FeedImportException($"{directory}: more than {limits.MaxEntriesPerSource} records");
            }

            yield return ReadFile(file, Path.GetRelativePath(directory, file), limits);
        }
    }

    private static FeedRecord ReadFile(string file, string origin, FeedLimits limits)
    {
        var length = new FileInfo(file).Length;
        if (length > limits.MaxRecordBytes)
        {
            return new FeedRecord(origin, null, $"record of {length} bytes exceeds the {limits.MaxRecordBytes}-byte cap");
        }

        try
        {
            return new FeedRecord(origin, File.ReadAllBytes(file), null);
        }
        catch (IOException e)
        {
            return new FeedRecord(origin, null, $"unreadable: {e.Message}");
        }
    }

    private static IEnumerable<FeedRecord> ReadZip(string path, FeedLimits limits)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new FeedImportException($"{path}: not a readable zip ({e.Message})", e);
        }

        using (archive)
        {
            var count = 0;
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (++count > limits.MaxEntriesPerSource)
                {
                    throw new FeedImportException($"{path}: more than {limits.MaxEntriesPerSource} records");
                }

                yield return ReadEntry(path, entry, limits);
            }
        }
    }

    private static FeedRecord ReadEntry(string path, ZipArchiveEntry entry, FeedLimits limits)
    {
        var origin = $"{path}!{entry.FullName}";
        if (entry.Length > limits.MaxRecordBytes)
        {
            return new FeedRecord(origin, null, $"entry of {entry.Length} bytes exceeds the {limits.MaxRecordBytes}-byte cap");
        }

        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream((int)Math.Min(entry.Length, limits.MaxRecordBytes));
            // The declared length can lie (zip bombs); copy at most one byte past the cap and check.
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limits.MaxRecordBytes)
                {
                    return new FeedRecord(origin, null, $"entry inflates beyond the {limits.MaxRecordBytes}-byte cap");
                }
            }

            return new FeedRecord(origin, buffer.ToArray(), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return new FeedRecord(origin, null, $"corrupt zip entry: {e.Message}");
        }
    }
}
