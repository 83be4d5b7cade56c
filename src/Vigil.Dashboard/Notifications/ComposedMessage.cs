using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>A message composed from an event; <paramref name="Part"/> tells apart several messages of one event (one per finding).</summary>
public sealed record ComposedMessage(string Part, NotificationMessage Message);
