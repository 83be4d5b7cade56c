namespace Vigil.Workflows.Runtime;

/// <summary>When the journal and instance state reach the database.</summary>
public enum JournalCommitMode
{
    /// <summary>
    /// One transaction per burst (from start or resume until the instance suspends, finishes or faults): fastest; a crash
    /// mid-burst loses that burst, and it is re-run from its last commit (the bookmark or trigger that started it).
    /// </summary>
    Batched,

    /// <summary>A durable commit of state and journal after every activity: slower; a crash loses at most one activity.</summary>
    PerActivity,
}
