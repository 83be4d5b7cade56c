namespace Vigil.Workflows.Runtime;

/// <summary>How to start an instance.</summary>
/// <param name="TriggerActivityId">The trigger to start at; default: the Manual trigger, else the first trigger.</param>
/// <param name="Version">The version to run; default: the published version.</param>
/// <param name="StartKey">Idempotency key: a second start with the same key starts nothing.</param>
public sealed record StartOptions(string? TriggerActivityId = null, int? Version = null, string? StartKey = null);
