namespace Vigil.Core.Events;

/// <summary>
/// Receives every published domain event at least once, in outbox order. Implementations must be idempotent
/// (deduplicate by <see cref="DomainEvent.Id"/>); an exception makes the dispatcher retry the event later.
/// </summary>
public interface IDomainEventSubscriber
{
    Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken);
}
