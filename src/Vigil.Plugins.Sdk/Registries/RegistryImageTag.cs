namespace Vigil.Plugins.Sdk.Registries;

/// <summary>A tag of a repository and the image it points at.</summary>
/// <param name="Repository">Repository path.</param>
/// <param name="Tag">Tag name.</param>
/// <param name="Digest">Digest of the manifest (or index) the tag points at, <c>sha256:…</c>.</param>
/// <param name="PushedAt">When it was pushed, as the registry reports it, else the image config's <c>created</c>; null when neither is known.</param>
/// <param name="Image">Pullable reference, <c>HOST[:PORT]/REPO:TAG</c>.</param>
public sealed record RegistryImageTag(string Repository, string Tag, string Digest, DateTimeOffset? PushedAt, string Image);
