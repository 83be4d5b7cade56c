namespace Vigil.Plugins.Sdk.Notifications;

/// <summary>One name/value pair of a <see cref="NotificationMessage"/>.</summary>
/// <param name="Name">Label, e.g. "Node".</param>
/// <param name="Value">Value, e.g. "web-01".</param>
public sealed record NotificationFact(string Name, string Value);
