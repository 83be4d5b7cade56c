using System.Collections.Concurrent;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

/// <summary>
/// Keeps downloaded blobs in a folder by digest, so layers that images share are pulled from the registry once:
/// a blob is downloaded (digest-verified by the inner client) to a temporary file and renamed into place; concurrent
/// scans wanting the same blob wait for the one download. The folder is trimmed, oldest first, to <c>maxBytes</c>.
/// With <paramref name="refresh"/> every blob is downloaded again and replaces the cached copy (a forced rescan).
/// </summary>
public sealed class CachingRegistryClient(IRegistryClient inner, BlobCache cache, bool refresh = false) : IRegistryClient
{
    /// <inheritdoc />
    public Task<ResolvedImage> ResolveImageAsync(ImageReference reference, ImagePlatform platform, CancellationToken cancellationToken = default) =>
        inner.ResolveImageAsync(reference, platform, cancellationToken);

    /// <inheritdoc />
    public Task<Stream> OpenBlobAsync(ImageReference reference, OciDescriptor blob, CancellationToken cancellationToken = default) =>
        cache.OpenAsync(blob.Digest, ct => inner.OpenBlobAsync(reference, blob, ct), refresh, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListTagsAsync(string registry, string repository, CancellationToken cancellationToken = default) =>
        inner.ListTagsAsync(registry, repository, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListRepositoriesAsync(string registry, CancellationToken cancellationToken = default) =>
        inner.ListRepositoriesAsync(registry, cancellationToken);
}

/// <summary>The blob folder behind <see cref="CachingRegistryClient"/>; one per process, shared by every scan.</summary>
public sealed class BlobCache(string directory, long maxBytes)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _downloads = new(StringComparer.Ordinal);
    private long _hits;

    /// <summary>Blobs served from the folder instead of the registry since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Opens the cached blob, downloading it with <paramref name="download"/> first when absent (or when <paramref name="refresh"/>).</summary>
    public async Task<Stream> OpenAsync(string digest, Func<CancellationToken, Task<Stream>> download, bool refresh, CancellationToken cancellationToken)
    {
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || digest.Length != 71 || !digest[7..].All(Uri.IsHexDigit))
        {
            return await download(cancellationToken); // never a path built from an unexpected string
        }

        var path = Path.Combine(directory, digest[7..]);
        var gate = _downloads.GetOrAdd(digest, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!refresh && TryOpen(path) is { } cached)
            {
                Interlocked.Increment(ref _hits);
                return cached;
            }

            Directory.CreateDirectory(directory);
            var partial = $"{path}.{Guid.NewGuid():N}.partial";
            try
            {
                await using (var source = await download(cancellationToken))
                await using (var file = File.Create(partial))
                {
                    await source.CopyToAsync(file, cancellationToken);
                }

                File.Move(partial, path, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            Trim(keep: path);
            return File.OpenRead(path);
        }
        finally
        {
            gate.Release();
        }
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            var stream = File.OpenRead(path);
            File.SetLastAccessTimeUtc(path, DateTime.UtcNow);
            return stream;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes the least recently used blobs until the folder fits (an open blob stays readable on Linux).</summary>
    private void Trim(string keep)
    {
        var files = new DirectoryInfo(directory).GetFiles().Where(f => !f.Name.EndsWith(".partial", StringComparison.Ordinal)).ToList();
        var total = files.Sum(f => f.Length);
        foreach (var file in files.OrderBy(f => f.LastAccessTimeUtc))
        {
            if (total <= maxBytes)
            {
                break;
            }

            if (file.FullName != keep)
            {
                total -= file.Length;
                file.Delete();
            }
        }
    }
}
