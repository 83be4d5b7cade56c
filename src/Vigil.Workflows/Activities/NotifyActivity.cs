using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Activities;

/// <summary>Sends a notification through the configured channels.</summary>
[Activity("Vigil.Notify", "Notifications", "Notify", Description = "Sends a message through notification channels.")]
[ActivityInput("title", ActivityValueType.String, Required = true)]
[ActivityInput("text", ActivityValueType.String, Required = true, UIHint = "multiline")]
[ActivityInput("severity", ActivityValueType.String, Options = ["critical", "high", "medium", "low", "info"], DefaultJson = "\"info\"")]
[ActivityInput("nodeId", ActivityValueType.String, UIHint = "node-picker")]
[ActivityInput("channels", ActivityValueType.Array, UIHint = "notification-channel-picker",
    Description = "Channel names; empty means every channel subscribed to workflow notifications.")]
[ActivityInput("dedupKey", ActivityValueType.String)]
[ActivityOutput("sentTo", ActivityValueType.Array)]
public sealed class NotifyActivity : IWorkflowActivity
{
    private readonly INotifier _notifier;

    /// <summary>Creates the activity.</summary>
    public NotifyActivity(INotifier notifier) => _notifier = notifier;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sentTo = await _notifier.NotifyAsync(
            new WorkflowNotification(
                context.GetInput<string>("title") ?? "",
                context.GetInput<string>("text") ?? "",
                context.GetInput<string>("severity") ?? "info",
                context.GetInput<string>("nodeId"),
                context.GetInput<string[]>("channels") ?? [],
                context.GetInput<string>("dedupKey")),
            context.CancellationToken);
        context.SetOutput("sentTo", sentTo);
        context.Complete();
    }
}
