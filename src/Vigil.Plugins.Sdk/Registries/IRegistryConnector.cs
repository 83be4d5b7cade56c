using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Sdk.Registries;

/// <summary>
/// A configured container registry: what it holds and how the scanner pulls from it. Implementations use the host's
/// <see cref="IRegistryClient"/> for the Registry v2 API rather than their own HTTP code.
/// </summary>
public interface IRegistryConnector : IConnector
{
    /// <summary>
    /// One page of repositories, in a stable order. <paramref name="cursor"/> is null for the first page and the
    /// previous page's <see cref="RegistryPage{T}.Next"/> after that.
    /// </summary>
    Task<RegistryPage<RegistryRepository>> ListRepositoriesAsync(string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the tags of <paramref name="repository"/> that pass the instance's tag filters, newest push first,
    /// each with its manifest digest and push date.
    /// </summary>
    Task<RegistryPage<RegistryImageTag>> ListTagsAsync(string repository, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Where and how the scanner pulls <paramref name="repository"/>: the registry host and short-lived credentials
    /// (exchanged from cloud credentials when the registry needs that). Never logged by the console.
    /// </summary>
    Task<RegistryPullCredentials> GetPullCredentialsAsync(string repository, CancellationToken cancellationToken);
}
