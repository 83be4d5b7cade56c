namespace Vigil.Dashboard.Registries;

/// <summary>
/// What to scan in a registry: everything (no field), some repositories (<c>repositories</c>), or some tags of one
/// repository (<c>repository</c> + <c>tags</c>). <c>force</c> pulls digests whose SBOM is already kept.
/// </summary>
public sealed record RegistryScanSelection(IReadOnlyList<string>? Repositories = null, string? Repository = null, IReadOnlyList<string>? Tags = null, bool Force = false)
{
    /// <summary>Why the selection is malformed, or null.</summary>
    public string? Problem() =>
        Repositories is { Count: > 0 } && (Repository is not null || Tags is not null) ? "Give either repositories, or repository with optional tags, not both."
        : Tags is { Count: > 0 } && string.IsNullOrWhiteSpace(Repository) ? "Tags need the repository they belong to."
        : null;
}
