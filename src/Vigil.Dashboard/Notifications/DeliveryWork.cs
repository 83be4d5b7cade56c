using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>A claimed delivery the worker sends.</summary>
public sealed record DeliveryWork(string Id, string IntegrationId, string ChannelName, NotificationMessage Message, int Attempts);
