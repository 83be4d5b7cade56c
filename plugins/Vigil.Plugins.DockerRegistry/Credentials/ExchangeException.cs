using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>Builds the one-line error of a failed credential exchange: the service's own reason, never a secret.</summary>
internal static class ExchangeException
{
    public static async Task<RegistryException> FromAsync(string what, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var reason = body.Length > 300 ? body[..300] : body;
        return new RegistryException($"{what} refused ({(int)response.StatusCode} {response.StatusCode}): {reason.ReplaceLineEndings(" ").Trim()}")
        {
            StatusCode = (int)response.StatusCode,
        };
    }

    public static RegistryException Unreachable(string what, Exception ex) => new($"{what} unreachable: {ex.Message}", ex);
}
