using System.Security.Cryptography.X509Certificates;
using k8s;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Kubernetes;

/// <summary>One configured cluster.</summary>
public sealed record KubernetesOptions(string Name, Uri Server, string Token, string? CaCertificate, string Namespace, string QuarantineLabel)
{
    public static KubernetesOptions From(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Uri.TryCreate(settings.GetRequiredString("server"), UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            throw new ConnectorSettingsException("server", "must be an http(s) URL");
        }

        var ca = settings.GetString("caCertificate");
        if (ca is not null)
        {
            try
            {
                using var _ = X509Certificate2.CreateFromPem(ca);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                throw new ConnectorSettingsException("caCertificate", "is not a PEM certificate");
            }
        }

        return new KubernetesOptions(settings.InstanceName, server, settings.GetRequiredString("token"), ca,
            settings.GetString("namespace") ?? "default", settings.GetString("quarantineLabel") ?? "vigil.io/quarantine");
    }

    public k8s.Kubernetes CreateClient()
    {
        var config = new KubernetesClientConfiguration { Host = Server.ToString().TrimEnd('/'), AccessToken = Token };
        if (CaCertificate is not null)
        {
            config.SslCaCerts = [X509Certificate2.CreateFromPem(CaCertificate)];
        }

        return new k8s.Kubernetes(config);
    }

    /// <summary>Names only: the token never appears in logs.</summary>
    public override string ToString() => $"{Name} ({Server})";
}
