namespace Vigil.Core.Events;

/// <summary>
/// A subscriber that only feeds live views from memory (the browsers' event stream). The dispatcher hands it each
/// batch as soon as it is read, before the durable subscribers write anything, so live views never wait on the
/// database. It must be quick and must not throw; a batch retried after a durable subscriber failed reaches it again.
/// </summary>
public interface ILiveEventSubscriber : IDomainEventSubscriber;
