namespace Vigil.Scanning.Registry;

/// <summary>What a registry says about a tag or digest without pulling layers.</summary>
/// <param name="Digest">Digest of the manifest or index the reference points at.</param>
/// <param name="MediaType">Its media type.</param>
/// <param name="Created">The image config's <c>created</c> (of the first platform's image for an index), or null.</param>
/// <param name="Platforms">Platforms as <c>os/arch[/variant]</c>.</param>
public sealed record ManifestSummary(string Digest, string MediaType, DateTimeOffset? Created, IReadOnlyList<string> Platforms);
