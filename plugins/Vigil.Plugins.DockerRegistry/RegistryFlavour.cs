namespace Vigil.Plugins.DockerRegistry;

/// <summary>The registry products this plugin knows, as the <c>flavour</c> setting names them.</summary>
public enum RegistryFlavour
{
    /// <summary>Any Registry v2 (Distribution, Zot, Nexus, …): catalog, basic or token auth.</summary>
    Generic,

    /// <summary>Docker Hub: token auth; no catalog, so repositories are configured.</summary>
    DockerHub,

    /// <summary>Harbor: catalog for robot/system accounts, token auth.</summary>
    Harbor,

    /// <summary>GitLab container registry: token auth with a deploy or access token; no catalog.</summary>
    GitLab,

    /// <summary>Quay: token auth with a robot account; no catalog.</summary>
    Quay,

    /// <summary>JFrog Artifactory (subdomain or port method): catalog, basic or token auth.</summary>
    JFrog,

    /// <summary>Amazon ECR: a signed GetAuthorizationToken call yields basic credentials valid for 12 hours.</summary>
    Ecr,

    /// <summary>Azure ACR: a service principal's Entra ID token is exchanged for an ACR refresh token.</summary>
    Acr,

    /// <summary>Google GCR / Artifact Registry: a service-account JWT is exchanged for an OAuth 2.0 access token.</summary>
    Gcr,
}
