using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Starts the flow from an authenticated webhook. The host's endpoint authenticates the caller, then dispatches an
/// <c>HttpEndpoint</c> event with payload <c>{path, method, body, query}</c>.
/// </summary>
[Activity("Vigil.HttpEndpoint", "Triggers", "HTTP endpoint", Kind = ActivityKind.Trigger, TriggerEvent = "HttpEndpoint",
    Description = "Runs the flow when its webhook is called (authenticated).")]
[ActivityInput("path", ActivityValueType.String, Required = true, Description = "Path under /api/v1/workflow-hooks/, e.g. deploy-finished.")]
[ActivityInput("method", ActivityValueType.String, Options = ["GET", "POST", "PUT"], DefaultJson = "\"POST\"")]
[ActivityOutput("event", ActivityValueType.Object, Description = "{path, method, body, query}.")]
public sealed class HttpEndpointTrigger : EventTriggerActivity
{
    /// <inheritdoc />
    public override bool Matches(ITriggerMatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = (context.GetInput<string>("path") ?? "").Trim('/');
        var method = context.GetInput<string>("method") ?? "POST";
        return string.Equals(TextOf(context.Payload, "path")?.Trim('/'), path, StringComparison.OrdinalIgnoreCase)
            && string.Equals(TextOf(context.Payload, "method"), method, StringComparison.OrdinalIgnoreCase);
    }
}
