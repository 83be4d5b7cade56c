namespace Vigil.Dashboard.Notifications;

/// <summary>The events a rule can subscribe to, as written in its <c>events</c> list.</summary>
public static class NotificationEventKinds
{
    public const string ScanFailed = "scanFailed";
    public const string NewFindings = "newFindings";
    public const string NodeRemoved = "nodeRemoved";
    public const string NodeOffline = "nodeOffline";
    public const string FeedUpdated = "feedUpdated";
    public const string FlowNotification = "flowNotification";

    /// <summary>Every kind with the words the page shows for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NewFindings] = "New findings",
        [ScanFailed] = "Scan failed",
        [NodeRemoved] = "Node removed",
        [NodeOffline] = "Agent offline",
        [FeedUpdated] = "Feed updated",
        [FlowNotification] = "Workflow notifications",
    };
}
