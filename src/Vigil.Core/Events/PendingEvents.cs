namespace Vigil.Core.Events;

/// <summary>
/// Events waiting for the next write of the current scope: a store that owns its transaction (Identity's user store)
/// drains them into the outbox inside that transaction, so the event and the change commit together.
/// </summary>
public sealed class PendingEvents
{
    private readonly List<DomainEvent> _events = [];

    public void Add(DomainEvent domainEvent)
    {
        lock (_events)
        {
            _events.Add(domainEvent);
        }
    }

    public IReadOnlyList<DomainEvent> Drain()
    {
        lock (_events)
        {
            var drained = _events.ToList();
            _events.Clear();
            return drained;
        }
    }

    /// <summary>Forgets events whose change did not happen (validation failed before the write).</summary>
    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }
}
