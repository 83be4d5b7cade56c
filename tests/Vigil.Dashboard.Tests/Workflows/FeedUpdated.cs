using Vigil.Core.Events;

namespace Vigil.Dashboard.Tests.Workflows;

/// <summary>
/// Stand-in for contracts §4's FeedUpdated until the feed store raises it in Core: a domain event's type is its record
/// name, so this reaches the engine exactly as the real one will.
/// </summary>
internal sealed record FeedUpdated(string SnapshotId, int Added) : DomainEvent;
