namespace Vigil.Scanning.Sources;

/// <summary>An image platform, <c>os/architecture[/variant]</c> as <c>--platform</c> spells it.</summary>
/// <param name="Os">Operating system, e.g. <c>linux</c>.</param>
/// <param name="Architecture">CPU architecture, e.g. <c>amd64</c>, <c>arm64</c>.</param>
/// <param name="Variant">Variant such as <c>v8</c>, or null.</param>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>The default when none is asked for.</summary>
    public static ImagePlatform Default { get; } = new("linux", "amd64");

    /// <summary>Parses <c>linux/arm64/v8</c>.</summary>
    /// <exception cref="ArgumentException">Not of the form os/arch[/variant].</exception>
    public static ImagePlatform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return parts.Length is 2 or 3 && parts.All(p => p.Length > 0)
            ? new ImagePlatform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null)
            : throw new ArgumentException($"platform '{text}' is not os/arch[/variant], e.g. linux/amd64");
    }

    /// <summary>Whether an index entry's platform satisfies this one (a missing variant matches any).</summary>
    public bool Matches(ImagePlatform? other) =>
        other is not null && other.Os == Os && other.Architecture == Architecture && (Variant is null || other.Variant == Variant);

    /// <inheritdoc />
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
