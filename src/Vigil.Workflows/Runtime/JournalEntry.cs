namespace Vigil.Workflows.Runtime;

/// <summary>One activity execution in an instance's journal. Secret inputs and outputs are recorded as <c>***</c>.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Sequence">Order within the instance.</param>
/// <param name="ActivityId">The activity.</param>
/// <param name="ActivityType">Its type.</param>
/// <param name="Status">completed, suspended or faulted.</param>
/// <param name="Outcomes">Outcomes it completed with, comma-separated.</param>
/// <param name="InputsJson">Evaluated inputs (redacted).</param>
/// <param name="OutputsJson">Outputs (redacted).</param>
/// <param name="Error">The fault's message.</param>
/// <param name="Resumed">The execution was the resumption of a bookmark.</param>
/// <param name="StartedAt">Start time.</param>
/// <param name="FinishedAt">End time.</param>
public sealed record JournalEntry(
    string InstanceId,
    int Sequence,
    string ActivityId,
    string ActivityType,
    string Status,
    string? Outcomes,
    string? InputsJson,
    string? OutputsJson,
    string? Error,
    bool Resumed,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt);
