using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

/// <summary>
/// The Registry HTTP API v2 client (contracts §9): the scanner pulls images with it and registry plugins reuse it for
/// listings, so none of them re-implements the anonymous, basic and bearer-token flows.
/// </summary>
public interface IRegistryClient
{
    /// <summary>Fetches the manifest of <paramref name="reference"/>, choosing <paramref name="platform"/> from an index.</summary>
    Task<ResolvedImage> ResolveImageAsync(ImageReference reference, ImagePlatform platform, CancellationToken cancellationToken = default);

    /// <summary>Opens a blob; the stream verifies its digest and size at its end.</summary>
    Task<Stream> OpenBlobAsync(ImageReference reference, OciDescriptor blob, CancellationToken cancellationToken = default);

    /// <summary>Lists the tags of a repository (<c>/v2/REPO/tags/list</c>).</summary>
    Task<IReadOnlyList<string>> ListTagsAsync(string registry, string repository, CancellationToken cancellationToken = default);

    /// <summary>Lists repositories (<c>/v2/_catalog</c>), where the registry allows it.</summary>
    Task<IReadOnlyList<string>> ListRepositoriesAsync(string registry, CancellationToken cancellationToken = default);
}
