using Vigil.Scanning.Registry;

namespace Vigil.Scanning.Sources;

/// <summary>Opens a <see cref="SourceTarget"/> as a file tree: directories directly, images by applying their layers.</summary>
public static class SourceOpener
{
    /// <summary>
    /// Opens <paramref name="target"/>. For images, only files <paramref name="wanted"/> selects are kept from the
    /// layers. The returned source owns the scratch space; on failure it is removed before the exception leaves.
    /// </summary>
    public static async Task<ScanSource> OpenAsync(
        SourceTarget target,
        SourceOptions options,
        Func<FileEntry, bool> wanted,
        IProgress<SourceProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        if (target.Kind == SourceKind.Directory)
        {
            try
            {
                return new ScanSource(new DirectoryFileTree(target.Value, options.SkipDirs), "file", null);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new SourceException(target.Value, "no such directory", e);
            }
        }

        var scratch = new ScratchSpace(options.TempDirectory);
        try
        {
            var description = $"{PrefixOf(target.Kind)}{target.Value}";
            var tree = new LayeredFileTree(description, wanted, options.Limits, scratch);
            if (target.Kind == SourceKind.Registry)
            {
                var client = options.RegistryClient ?? new RegistryClient(new RegistryClientOptions());
                var image = await client.ResolveImageAsync(ImageReference.Parse(target.Value), options.Platform, cancellationToken);
                var layers = image.Layers.Select(l => new ImageLayer(l.Digest, l.Size, ct => client.OpenBlobAsync(image.Reference, l, ct))).ToArray();
                await ApplyAsync(tree, layers, progress, cancellationToken);
            }
            else
            {
                using IImageFiles files = target.Kind == SourceKind.OciDirectory
                    ? new DirectoryImageFiles(target.Value)
                    : new TarImageFiles(target.Value, options.Limits);
                await ApplyAsync(tree, ImageLayoutReader.Layers(files, options.Platform), progress, cancellationToken);
            }

            return new ScanSource(tree, "container", scratch);
        }
        catch
        {
            scratch.Dispose();
            throw;
        }
    }

    private static async Task ApplyAsync(LayeredFileTree tree, IReadOnlyList<ImageLayer> layers, IProgress<SourceProgress>? progress, CancellationToken cancellationToken)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var layer = layers[i];
            progress?.Report(new SourceProgress(layer.Name, i + 1, layers.Count, 0));
            using var blob = new ProgressReadStream(await layer.Open(cancellationToken), bytes => progress?.Report(new SourceProgress(layer.Name, i + 1, layers.Count, bytes)));
            using var tar = LayerDecompression.Open(blob);
            tree.ApplyLayer(tar, layer.Name);
            // The tar may end before its blob does (padding, gzip trailer): read to the end so the digest is checked.
            DrainTo(tar);
            blob.Drain();

            progress?.Report(new SourceProgress(layer.Name, i + 1, layers.Count, blob.BytesRead));
        }
    }

    private static void DrainTo(Stream stream)
    {
        var buffer = new byte[81920];
        try
        {
            while (stream.Read(buffer) > 0)
            {
            }
        }
        catch (InvalidDataException e)
        {
            throw new SourceException("layer", $"corrupt compressed data after the tar end: {e.Message}", e);
        }
    }

    private static string PrefixOf(SourceKind kind) => kind switch
    {
        SourceKind.OciDirectory => "oci-dir:",
        SourceKind.DockerArchive => "docker-archive:",
        SourceKind.OciArchive => "oci-archive:",
        SourceKind.Registry => "registry:",
        _ => "dir:",
    };
}
