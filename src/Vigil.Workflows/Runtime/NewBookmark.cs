using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Runtime;

/// <summary>A bookmark created during a burst, to be stored with the burst's commit.</summary>
/// <param name="Id">New bookmark id.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="ActivityId">The activity that created it.</param>
/// <param name="Request">What it waits for.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record NewBookmark(string Id, string InstanceId, string ActivityId, BookmarkRequest Request, DateTimeOffset CreatedAt);
