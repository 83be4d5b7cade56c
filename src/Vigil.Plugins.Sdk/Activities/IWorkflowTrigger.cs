namespace Vigil.Plugins.Sdk.Activities;

/// <summary>
/// A trigger activity (<see cref="ActivityKind.Trigger"/>): starts an instance of its workflow when an event of its
/// <see cref="ActivityAttribute.TriggerEvent"/> arrives and <see cref="Matches"/> accepts it. The engine indexes triggers by event type when a
/// definition is published, so an event reaches its workflows without loading every definition. When the instance starts,
/// the trigger runs first like any activity (its <see cref="IWorkflowActivity.ExecuteAsync"/> sees the payload as
/// <see cref="IActivityContext.TriggerInput"/>).
/// </summary>
public interface IWorkflowTrigger : IWorkflowActivity
{
    /// <summary>Filters events, e.g. by node labels. Inputs are evaluated with <c>input</c> bound to the event payload.</summary>
    bool Matches(ITriggerMatchContext context);
}
