namespace Vigil.Workflows.Runtime;

/// <summary>The result of resuming one bookmark.</summary>
public enum ResumeResult
{
    /// <summary>This call resumed it.</summary>
    Resumed,

    /// <summary>No such bookmark: never existed, or another call (or engine) already resumed it.</summary>
    NotFound,

    /// <summary>The instance is not waiting (cancelled or faulted); the bookmark is left for a retry.</summary>
    NotResumable,

    /// <summary>Another engine held the instance longer than the wait timeout; try again later.</summary>
    Busy,
}
