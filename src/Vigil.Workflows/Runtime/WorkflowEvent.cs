using System.Text.Json;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// A domain event handed to the engine (CONTRACTS.md §4): starts triggered flows and resumes bookmarks. The host adapts
/// Vigil.Core's events into this shape.
/// </summary>
/// <param name="Type">Event type, e.g. <c>NodeRegistered</c>, <c>ScanCompleted</c>.</param>
/// <param name="Id">The event's unique id: a redelivered event starts no second instance.</param>
/// <param name="CorrelationKey">The subject bookmarks wait on (a scan id for scan events), or null.</param>
/// <param name="Payload">The event as JSON (with <c>type</c>, <c>id</c>, <c>occurredAt</c> and its payload fields).</param>
public sealed record WorkflowEvent(string Type, string? Id, string? CorrelationKey, JsonElement Payload);
