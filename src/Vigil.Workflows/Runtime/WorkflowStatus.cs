namespace Vigil.Workflows.Runtime;

/// <summary>The life-cycle state of a workflow instance (serialized lowercase).</summary>
public enum WorkflowStatus
{
    /// <summary>Executing activities now.</summary>
    Running,

    /// <summary>Waiting on one or more bookmarks.</summary>
    Suspended,

    /// <summary>Ran to completion.</summary>
    Finished,

    /// <summary>An activity failed; can be retried from it.</summary>
    Faulted,

    /// <summary>Cancelled by a person or the API.</summary>
    Cancelled,
}
