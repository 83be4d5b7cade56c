namespace Vigil.Scanning.Registry;

/// <summary>
/// An image reference <c>HOST[:PORT]/REPO[:TAG|@DIGEST]</c>. The host is required: Vigil never guesses a default
/// registry, so an image always comes from where its reference says.
/// </summary>
/// <param name="Registry">Host and optional port.</param>
/// <param name="Repository">Repository path, e.g. <c>library/debian</c>.</param>
/// <param name="Tag">Tag, or null when pinned by digest.</param>
/// <param name="Digest"><c>sha256:HEX</c>, or null.</param>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>The tag or digest to request a manifest for.</summary>
    public string ManifestReference => Digest ?? Tag ?? "latest";

    /// <summary>Parses a reference.</summary>
    /// <exception cref="ArgumentException">Not of the form HOST[:PORT]/REPO[:TAG|@DIGEST].</exception>
    public static ImageReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash > 0 ? text[..slash] : "";
        if (host.Length == 0 || !(host.Contains('.', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) || host == "localhost"))
        {
            throw new ArgumentException($"'{text}': a registry reference needs a host, e.g. registry:127.0.0.1:5000/repo:tag");
        }

        var rest = text[(slash + 1)..];
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || digest.Length != 71 || !digest[7..].All(char.IsAsciiHexDigitLower))
            {
                throw new ArgumentException($"'{text}': digest must be sha256: and 64 lower-case hex digits");
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        if (rest.Length == 0 || rest.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '/' or '.' or '_' or '-')))
        {
            throw new ArgumentException($"'{text}': repository must be lower-case letters, digits and . _ - /");
        }

        return new ImageReference(host, rest, tag ?? (digest is null ? "latest" : null), digest);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";
}
