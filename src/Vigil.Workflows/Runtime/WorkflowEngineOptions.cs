using Vigil.Workflows.Expressions;

namespace Vigil.Workflows.Runtime;

/// <summary>Settings of the workflow engine (configuration section <c>Vigil:Workflows</c>).</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>Identifies this engine in leases and logs; unique per process.</summary>
    public string EngineId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How often the journal and state are committed.</summary>
    public JournalCommitMode JournalCommitMode { get; set; } = JournalCommitMode.Batched;

    /// <summary>How long a claim on an instance lasts; an engine that dies holding one frees it after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a resume waits for another engine (or burst) to release the instance before giving up.</summary>
    public TimeSpan LeaseWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Activity executions one burst may run before the instance faults: the last guard against a runaway loop.</summary>
    public int MaxActivitiesPerBurst { get; set; } = 10_000;

    /// <summary>How long an event with a correlation key that found no bookmark waits for one to appear (start/wait race).</summary>
    public TimeSpan StimulusRetention { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Bookmarks resumed per database page when one event resumes many.</summary>
    public int ResumePageSize { get; set; } = 500;

    /// <summary>
    /// How long an engine trusts its cached "published version" of a definition for manual starts; a publish on this
    /// engine updates the cache at once, a publish on another console instance is seen within this time.
    /// </summary>
    public TimeSpan PublishedVersionCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay of the HTTP request activity (doubles per retry, with jitter).</summary>
    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Limits of JavaScript expressions.</summary>
    public ExpressionLimits Expressions { get; set; } = new();
}
