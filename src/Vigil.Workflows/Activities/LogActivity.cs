using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Writes a message to the console's log (and to the journal as the activity's output).</summary>
[Activity("Vigil.Log", "Primitives", "Log", Description = "Writes a message to the log.")]
[ActivityInput("message", ActivityValueType.String, Required = true, UIHint = "multiline")]
[ActivityInput("level", ActivityValueType.String, Options = ["debug", "information", "warning", "error"], DefaultJson = "\"information\"")]
[ActivityOutput("message", ActivityValueType.String, Description = "The message written.")]
public sealed partial class LogActivity : IWorkflowActivity
{
    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.GetInput<string>("message") ?? "";
        var level = context.GetInput<string>("level") switch
        {
            "debug" => LogLevel.Debug,
            "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            _ => LogLevel.Information,
        };
        WriteLog(context.Logger, level, context.InstanceId, context.ActivityId, message);
        context.SetOutput("message", message);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Message = "Workflow {InstanceId} activity {ActivityId}: {Message}")]
    private static partial void WriteLog(ILogger logger, LogLevel level, string instanceId, string activityId, string message);
}
