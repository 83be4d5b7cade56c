using Vigil.Plugins.DockerRegistry.Credentials;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry;

/// <summary>Builds a connector per configured registry, with the credential source its flavour needs.</summary>
public sealed class DockerRegistryConnectorFactory(IRegistryClient registry, IHttpClientFactory httpClients, TimeProvider time) : IConnectorFactory<IRegistryConnector>
{
    /// <summary>Name of the HTTP client used for credential exchanges.</summary>
    public const string HttpClientName = "vigil.docker-registry";

    /// <inheritdoc />
    public IRegistryConnector Create(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parsed = RegistrySettings.From(settings);
        var http = httpClients.CreateClient(HttpClientName);
        ICredentialSource credentials = parsed.Flavour switch
        {
            RegistryFlavour.Ecr => new CachedCredentials(EcrCredentials.From(settings, parsed.Registry, parsed.Insecure, http, time), time),
            RegistryFlavour.Acr when settings.Has("azureTenantId") =>
                new CachedCredentials(AcrCredentials.From(settings, parsed.Registry, parsed.Insecure, http, time), time),
            RegistryFlavour.Gcr when settings.Has("gcpServiceAccountKey") => new CachedCredentials(GcrCredentials.From(settings, http, time), time),
            _ => new StaticCredentials(parsed.Username, parsed.Password),
        };
        return new DockerRegistryConnector(parsed, credentials, registry, time);
    }
}
