using System.Text.Json;
using Vigil.Plugins.Sdk.Registries;
using Vigil.Scanning.Registry;
using Vigil.Scanning.Sources;
using ScanningClient = Vigil.Scanning.Registry.RegistryClient;

namespace Vigil.Dashboard.Plugins;

/// <summary>
/// The SDK's <see cref="Vigil.Plugins.Sdk.Registries.IRegistryClient"/> for plugins, backed by the scanner's own
/// Registry v2 client (Vigil.Scanning does not know the SDK, so the console adapts one to the other). One shared
/// socket handler; a client per call so credentials and token caches never cross endpoints.
/// </summary>
public sealed class HostRegistryClient(HttpMessageHandler handler) : Vigil.Plugins.Sdk.Registries.IRegistryClient
{
    public Task CheckAsync(RegistryEndpoint endpoint, CancellationToken cancellationToken) =>
        WithClientAsync(endpoint, async c =>
        {
            await c.CheckAsync(endpoint.Host, cancellationToken);
            return true;
        });

    public Task<RegistryPage<string>> ListRepositoriesAsync(RegistryEndpoint endpoint, int pageSize, string? after, CancellationToken cancellationToken) =>
        WithClientAsync(endpoint, async c => ToPage(await c.ListRepositoriesPageAsync(endpoint.Host, pageSize, after, cancellationToken)));

    public Task<RegistryPage<string>> ListTagsAsync(RegistryEndpoint endpoint, string repository, int pageSize, string? after, CancellationToken cancellationToken) =>
        WithClientAsync(endpoint, async c => ToPage(await c.ListTagsPageAsync(endpoint.Host, repository, pageSize, after, cancellationToken)));

    public Task<RegistryImageDetails> DescribeAsync(RegistryEndpoint endpoint, string repository, string reference, CancellationToken cancellationToken) =>
        WithClientAsync(endpoint, async c =>
        {
            var pinned = reference.StartsWith("sha256:", StringComparison.Ordinal);
            var summary = await c.DescribeAsync(new ImageReference(endpoint.Host, repository, pinned ? null : reference, pinned ? reference : null), cancellationToken);
            return new RegistryImageDetails(summary.Digest, summary.MediaType, summary.Created, summary.Platforms);
        });

    private async Task<T> WithClientAsync<T>(RegistryEndpoint endpoint, Func<ScanningClient, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ValidateHost(endpoint.Host);
        var credentials = endpoint.Credentials is { } login ? new RegistryCredentials(login.Username, login.Secret) : null;
        using var client = new ScanningClient(new RegistryClientOptions
        {
            Insecure = endpoint.Insecure,
            Handler = handler,
            Credentials = host => host == endpoint.Host ? credentials : null,
            RequestTimeout = TimeSpan.FromSeconds(30),
        });
        try
        {
            return await call(client);
        }
        catch (SourceException ex)
        {
            throw new RegistryException(ex.Message, ex);
        }
        catch (JsonException ex)
        {
            throw new RegistryException($"{endpoint.Host}: unreadable answer: {ex.Message}", ex);
        }
    }

    private static RegistryPage<string> ToPage(RegistryListing listing) => new(listing.Names, listing.Last);

    private static void ValidateHost(string host)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal)
            || Uri.CheckHostName(host.Split(':')[0]) == UriHostNameType.Unknown)
        {
            throw new RegistryException($"'{host}' is not a registry host: write HOST or HOST:PORT without a scheme");
        }
    }
}
