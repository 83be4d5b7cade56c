using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Persistence;

/// <summary>A <c>workflow_journal</c> row as Dapper reads it.</summary>
internal sealed class JournalRow
{
    public string InstanceId { get; set; } = "";

    public long Sequence { get; set; }

    public string ActivityId { get; set; } = "";

    public string ActivityType { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Outcomes { get; set; }

    public string? InputsJson { get; set; }

    public string? OutputsJson { get; set; }

    public string? Error { get; set; }

    public long Resumed { get; set; }

    public long StartedAt { get; set; }

    public long FinishedAt { get; set; }

    public JournalEntry ToEntry() => new(
        InstanceId, (int)Sequence, ActivityId, ActivityType, Status, Outcomes, InputsJson, OutputsJson, Error, Resumed != 0,
        UnixTime.FromMs(StartedAt), UnixTime.FromMs(FinishedAt));
}
