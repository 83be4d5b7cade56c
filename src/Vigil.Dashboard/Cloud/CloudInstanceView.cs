namespace Vigil.Dashboard.Cloud;

/// <summary>One instance of a cloud integration and the node that runs on it (null when no node maps to it).</summary>
public sealed record CloudInstanceView(string Id, string Name, string State, string? Location, string? NodeId, string? NodeName);
