using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Starts the flow on a schedule (5-field cron, minute precision, IANA time zone; CONTRACTS.md §11). The host's scheduler
/// reads published Cron triggers from the trigger index and, when one fires, dispatches a <c>Cron</c> event whose payload
/// names the definition and activity.
/// </summary>
[Activity("Vigil.Cron", "Triggers", "Schedule", Kind = ActivityKind.Trigger, TriggerEvent = EventType,
    Description = "Runs the flow on a cron schedule.")]
[ActivityInput("cron", ActivityValueType.String, Required = true, UIHint = "cron", Description = "5-field cron, e.g. 0 6 * * 1-5.")]
[ActivityInput("timeZone", ActivityValueType.String, DefaultJson = "\"UTC\"", Description = "IANA time zone, e.g. Europe/Paris.")]
[ActivityOutput("event", ActivityValueType.Object, Description = "{definitionId, activityId, firedAt}.")]
public sealed class CronTrigger : EventTriggerActivity
{
    /// <summary>The event type a scheduler dispatches when a Cron trigger fires.</summary>
    public const string EventType = "Cron";

    /// <inheritdoc />
    public override bool Matches(ITriggerMatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TextOf(context.Payload, "definitionId") == context.DefinitionId && TextOf(context.Payload, "activityId") == context.ActivityId;
    }
}
