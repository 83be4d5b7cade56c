namespace Vigil.Scanning.Sources;

/// <summary>The manifest media types of the OCI image spec and of Docker's v2 schema 2.</summary>
public static class OciMediaTypes
{
    public const string ImageIndex = "application/vnd.oci.image.index.v1+json";
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>The Accept header for manifest requests: every manifest kind Vigil reads.</summary>
    public static readonly string[] AcceptedManifests = [ImageIndex, ImageManifest, DockerManifestList, DockerManifest];
}
