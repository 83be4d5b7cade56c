using Vigil.Scanning.Registry;

namespace Vigil.Scanning.Sources;

/// <summary>How to open a scan target.</summary>
public sealed record SourceOptions
{
    /// <summary>Directories not walked in <c>dir:</c> targets (absolute or root-relative).</summary>
    public IReadOnlyList<string> SkipDirs { get; init; } = [];

    /// <summary>Which image of a multi-platform index to scan.</summary>
    public ImagePlatform Platform { get; init; } = ImagePlatform.Default;

    /// <summary>Caps against hostile archives.</summary>
    public ArchiveLimits Limits { get; init; } = ArchiveLimits.Default;

    /// <summary>Parent of the scan's scratch folder; the system temp folder when null.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Registry access for <c>registry:</c> targets; a default client is made when null.</summary>
    public IRegistryClient? RegistryClient { get; init; }
}
