namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>The kinds of connector a plugin may provide, as written in its manifest's <c>provides[].kind</c>.</summary>
public static class PluginKinds
{
    /// <summary>A container registry: <see cref="Registries.IRegistryConnector"/>.</summary>
    public const string Registry = "registry";

    /// <summary>A cloud or fleet provider: <see cref="Cloud.ICloudProvider"/>.</summary>
    public const string Cloud = "cloud";

    /// <summary>A notification channel: <see cref="Notifications.INotificationChannel"/>.</summary>
    public const string Notification = "notification";

    /// <summary>Every kind this SDK version knows.</summary>
    public static readonly IReadOnlyList<string> All = [Registry, Cloud, Notification];
}
