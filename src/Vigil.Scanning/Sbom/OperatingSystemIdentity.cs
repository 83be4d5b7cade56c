namespace Vigil.Scanning.Sbom;

/// <summary>The distribution a tree belongs to, from its os-release file.</summary>
/// <param name="Id">os-release <c>ID</c>, lower case (<c>debian</c>, <c>alpine</c>, <c>rhel</c>).</param>
/// <param name="VersionId">os-release <c>VERSION_ID</c> (<c>12</c>, <c>3.20.3</c>); empty for rolling releases.</param>
/// <param name="PrettyName">os-release <c>PRETTY_NAME</c>, for people.</param>
/// <param name="VersionCodename">os-release <c>VERSION_CODENAME</c> (<c>bookworm</c>), when given.</param>
public sealed record OperatingSystemIdentity(string Id, string VersionId, string? PrettyName = null, string? VersionCodename = null)
{
    /// <summary>The purl <c>distro</c> qualifier as Syft writes it: <c>ID-VERSION_ID</c>, or the bare ID without a version.</summary>
    public string Distro => VersionId.Length == 0 ? Id : $"{Id}-{VersionId}";
}
