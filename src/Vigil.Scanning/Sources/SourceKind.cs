namespace Vigil.Scanning.Sources;

/// <summary>The kinds of scan target, spelled as Syft spells their prefixes.</summary>
public enum SourceKind
{
    /// <summary><c>dir:PATH</c>, a directory or host root.</summary>
    Directory,

    /// <summary><c>oci-dir:PATH</c>, an OCI image layout directory.</summary>
    OciDirectory,

    /// <summary><c>docker-archive:FILE</c>, a <c>docker save</c> tarball.</summary>
    DockerArchive,

    /// <summary><c>oci-archive:FILE</c>, an OCI image layout in a tarball.</summary>
    OciArchive,

    /// <summary><c>registry:HOST[:PORT]/REPO[:TAG|@DIGEST]</c>, pulled with the Registry HTTP API v2.</summary>
    Registry,
}
