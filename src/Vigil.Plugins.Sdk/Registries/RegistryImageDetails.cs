namespace Vigil.Plugins.Sdk.Registries;

/// <summary>What the host's <see cref="IRegistryClient"/> reads about one tag or digest.</summary>
/// <param name="Digest">Digest of the manifest or index the reference points at.</param>
/// <param name="MediaType">Its media type (an image manifest or an index).</param>
/// <param name="Created">The image config's <c>created</c> (for an index: of the first platform's image), or null.</param>
/// <param name="Platforms">Platforms of an index as <c>os/architecture[/variant]</c>; the one platform of an image manifest when its config says.</param>
public sealed record RegistryImageDetails(string Digest, string MediaType, DateTimeOffset? Created, IReadOnlyList<string> Platforms);
