using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Waits for a person to approve or reject in the dashboard. The bookmark's payload carries the question; the approvals API
/// resumes it with <c>{"approved": true|false, "by": "...", "comment": "..."}</c>.
/// </summary>
[Activity("Vigil.Approval", "People", "Approval", Description = "Waits for a person to approve or reject.", CanSuspend = true)]
[ActivityInput("title", ActivityValueType.String, Required = true)]
[ActivityInput("message", ActivityValueType.String, UIHint = "multiline")]
[ActivityOutcomes(Approved, Rejected)]
[ActivityOutput("by", ActivityValueType.String, Description = "Who decided.")]
[ActivityOutput("comment", ActivityValueType.String, Description = "Their comment.")]
public sealed class ApprovalActivity : IWorkflowActivity
{
    /// <summary>Event name of approval bookmarks (correlation key: <c>instanceId:activityId</c>).</summary>
    public const string EventName = "Vigil.Approval";

    /// <summary>Outcome when approved.</summary>
    public const string Approved = "Approved";

    /// <summary>Outcome when rejected.</summary>
    public const string Rejected = "Rejected";

    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsResuming)
        {
            var question = JsonSerializer.SerializeToElement(new
            {
                title = context.GetInput<string>("title"),
                message = context.GetInput<string>("message"),
            });
            context.CreateBookmark(new BookmarkRequest(EventName, $"{context.InstanceId}:{context.ActivityId}", Payload: question));
            return ValueTask.CompletedTask;
        }

        var decision = context.ResumePayload;
        var approved = decision is { ValueKind: JsonValueKind.Object } d
            && d.TryGetProperty("approved", out var a) && a.ValueKind == JsonValueKind.True;
        context.SetOutput("by", StringProperty(decision, "by"));
        context.SetOutput("comment", StringProperty(decision, "comment"));
        context.Complete(approved ? Approved : Rejected);
        return ValueTask.CompletedTask;
    }

    private static string? StringProperty(JsonElement? payload, string name) =>
        payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
