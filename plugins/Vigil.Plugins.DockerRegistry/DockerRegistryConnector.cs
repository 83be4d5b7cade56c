using System.Globalization;
using Vigil.Plugins.DockerRegistry.Credentials;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry;

/// <summary>
/// One configured registry. Listings go through the host's <see cref="IRegistryClient"/> with the login the credential
/// source gives; tags are described (digest, config <c>created</c>) a few at a time, filtered and sorted newest first.
/// </summary>
internal sealed class DockerRegistryConnector(RegistrySettings settings, ICredentialSource credentials, IRegistryClient registry, TimeProvider time)
    : IRegistryConnector
{
    /// <summary>Upper bound of tags read from one repository, so a runaway repository cannot exhaust the console.</summary>
    public const int MaxTags = 10_000;
    private const int ListPage = 1000;
    private const int DescribeConcurrency = 4;

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await EndpointAsync(cancellationToken);
            await registry.CheckAsync(endpoint, cancellationToken);
            var who = endpoint.Credentials is null ? "anonymously" : $"as {endpoint.Credentials.Username}";
            if (settings.Repositories.Count > 0)
            {
                var tags = await registry.ListTagsAsync(endpoint, settings.Repositories[0], 1, null, cancellationToken);
                return ConnectionTestResult.Ok($"Connected to {settings.Registry} {who}; {settings.Repositories[0]} is readable ({(tags.Items.Count == 0 ? "no tags" : "has tags")}).");
            }

            var page = await registry.ListRepositoriesAsync(endpoint, 100, null, cancellationToken);
            return ConnectionTestResult.Ok(
                $"Connected to {settings.Registry} {who}; the catalog lists {page.Items.Count}{(page.Next is null ? "" : "+")} repositor{(page.Items.Count == 1 ? "y" : "ies")}.");
        }
        catch (RegistryException ex)
        {
            return ConnectionTestResult.Failed(ex.Message);
        }
    }

    public async Task<RegistryPage<RegistryRepository>> ListRepositoriesAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (settings.Repositories.Count > 0)
        {
            var offset = Offset(cursor);
            var items = settings.Repositories.Skip(offset).Take(pageSize).Select(Repository).ToArray();
            var next = offset + items.Length < settings.Repositories.Count ? (offset + items.Length).ToString(CultureInfo.InvariantCulture) : null;
            return new RegistryPage<RegistryRepository>(items, next);
        }

        var page = await registry.ListRepositoriesAsync(await EndpointAsync(cancellationToken), pageSize, cursor, cancellationToken);
        return new RegistryPage<RegistryRepository>(page.Items.Select(Repository).ToArray(), page.Next);
    }

    public async Task<RegistryPage<RegistryImageTag>> ListTagsAsync(string repository, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (!RegistrySettings.IsRepositoryName(repository))
        {
            throw new RegistryException($"'{repository}' is not a repository name");
        }

        var endpoint = await EndpointAsync(cancellationToken);
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = await registry.ListTagsAsync(endpoint, repository, ListPage, after, cancellationToken);
            names.AddRange(page.Items.Where(settings.Tags.NameMatches));
            after = page.Items.Count == 0 ? null : page.Next;
        }
        while (after is not null && names.Count < MaxTags);

        var described = new RegistryImageTag[names.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, names.Count),
            new ParallelOptions { MaxDegreeOfParallelism = DescribeConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var details = await registry.DescribeAsync(endpoint, repository, names[i], ct);
                described[i] = new RegistryImageTag(repository, names[i], details.Digest, details.Created, $"{settings.Registry}/{repository}:{names[i]}");
            });

        var selected = settings.Tags.Select(described, time.GetUtcNow());
        var offset = Offset(cursor);
        var items = selected.Skip(offset).Take(pageSize).ToArray();
        return new RegistryPage<RegistryImageTag>(items, offset + items.Length < selected.Count ? (offset + items.Length).ToString(CultureInfo.InvariantCulture) : null);
    }

    public async Task<RegistryPullCredentials> GetPullCredentialsAsync(string repository, CancellationToken cancellationToken)
    {
        var issued = await credentials.GetAsync(cancellationToken);
        return new RegistryPullCredentials(new RegistryEndpoint(settings.Registry, settings.Insecure, issued.Login), issued.ExpiresAt);
    }

    private async Task<RegistryEndpoint> EndpointAsync(CancellationToken cancellationToken) =>
        new(settings.Registry, settings.Insecure, (await credentials.GetAsync(cancellationToken)).Login);

    private RegistryRepository Repository(string name) => new(name, $"{settings.Registry}/{name}");

    private static int Offset(string? cursor) =>
        cursor is null ? 0
        : int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset
        : throw new RegistryException($"'{cursor}' is not a cursor this connector issued");
}
