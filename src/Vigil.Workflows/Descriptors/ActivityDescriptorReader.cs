using System.Reflection;
using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Descriptors;

/// <summary>Reads an activity class's SDK attributes into an <see cref="ActivityDescriptor"/>.</summary>
public static class ActivityDescriptorReader
{
    /// <summary>Describes <paramref name="activityType"/>; throws when it is not a well-formed activity class.</summary>
    public static ActivityDescriptor Read(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        if (!typeof(IWorkflowActivity).IsAssignableFrom(activityType) || activityType.IsAbstract)
        {
            throw new ArgumentException($"{activityType.FullName} is not a concrete {nameof(IWorkflowActivity)}.", nameof(activityType));
        }

        var activity = activityType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{activityType.FullName} has no [{nameof(ActivityAttribute)}].", nameof(activityType));
        var isTrigger = activity.Kind == ActivityKind.Trigger;
        if (isTrigger && (activity.TriggerEvent is null || !typeof(IWorkflowTrigger).IsAssignableFrom(activityType)))
        {
            throw new ArgumentException(
                $"Trigger {activity.Type} must set {nameof(ActivityAttribute.TriggerEvent)} and implement {nameof(IWorkflowTrigger)}.",
                nameof(activityType));
        }

        var outcomes = activityType.GetCustomAttribute<ActivityOutcomesAttribute>();
        return new ActivityDescriptor
        {
            Type = activity.Type,
            Category = activity.Category,
            DisplayName = activity.DisplayName,
            Description = activity.Description,
            Kind = activity.Kind,
            TriggerEvent = activity.TriggerEvent,
            CanSuspend = activity.CanSuspend,
            Inputs = activityType.GetCustomAttributes<ActivityInputAttribute>().Select(ToDescriptor).ToArray(),
            Outputs = activityType.GetCustomAttributes<ActivityOutputAttribute>()
                .Select(o => new OutputDescriptor(o.Name, o.Type, o.Description, o.Secret)).ToArray(),
            Outcomes = outcomes?.Outcomes.ToArray() ?? [ActivityOutcomeNames.Done],
            DynamicOutcomesInput = outcomes?.DynamicOutcomesInput,
            ClrType = activityType,
        };
    }

    private static InputDescriptor ToDescriptor(ActivityInputAttribute input) => new(
        input.Name,
        input.Type,
        input.DisplayName ?? input.Name,
        input.Description,
        input.Required,
        input.Secret,
        input.UIHint,
        input.Options,
        input.DefaultJson is null ? null : JsonDocument.Parse(input.DefaultJson).RootElement.Clone());
}
