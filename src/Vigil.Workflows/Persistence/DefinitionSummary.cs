namespace Vigil.Workflows.Persistence;

/// <summary>A definition as listed: its draft and published state.</summary>
/// <param name="Id">Definition id.</param>
/// <param name="Name">Name.</param>
/// <param name="Description">Description.</param>
/// <param name="LatestVersion">Highest published version (0 when never published).</param>
/// <param name="PublishedVersion">The version new instances start with, or null.</param>
/// <param name="IsEnabled">Whether its triggers start instances.</param>
/// <param name="HasDraft">Whether an unpublished draft exists.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record DefinitionSummary(
    string Id,
    string Name,
    string? Description,
    int LatestVersion,
    int? PublishedVersion,
    bool IsEnabled,
    bool HasDraft,
    DateTimeOffset UpdatedAt);
