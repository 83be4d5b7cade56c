namespace Vigil.Plugins.Sdk.Registries;

/// <summary>
/// The host's Registry HTTP API v2 client, for registry plugins. It performs the anonymous, basic and bearer-token
/// flows (a <c>401</c> challenge answered with the endpoint's credentials), follows <c>Link</c> paging, caps response
/// sizes and applies request timeouts, so plugins never re-implement them. Failures throw
/// <see cref="RegistryException"/> with a one-line message that never contains a secret.
/// </summary>
public interface IRegistryClient
{
    /// <summary>Checks that <c>/v2/</c> answers and the credentials are accepted.</summary>
    Task CheckAsync(RegistryEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>One page of <c>/v2/_catalog</c>: up to <paramref name="pageSize"/> names after <paramref name="after"/> (the <c>last</c> parameter).</summary>
    Task<RegistryPage<string>> ListRepositoriesAsync(RegistryEndpoint endpoint, int pageSize, string? after, CancellationToken cancellationToken);

    /// <summary>One page of <c>/v2/REPO/tags/list</c>.</summary>
    Task<RegistryPage<string>> ListTagsAsync(RegistryEndpoint endpoint, string repository, int pageSize, string? after, CancellationToken cancellationToken);

    /// <summary>The digest, media type, creation date and platforms of a tag or digest.</summary>
    Task<RegistryImageDetails> DescribeAsync(RegistryEndpoint endpoint, string repository, string reference, CancellationToken cancellationToken);
}
