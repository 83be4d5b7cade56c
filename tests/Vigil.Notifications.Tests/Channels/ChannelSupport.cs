using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>What channel tests share: the host's kind of HttpClientFactory, a quick retry policy, settings and a sample message.</summary>
public static class ChannelSupport
{
    /// <summary>Three attempts, 50 ms apart (doubling): the same code path as the default's 1 s.</summary>
    public static readonly RetryPolicy QuickRetry = new(3, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));

    public static readonly IHttpClientFactory Clients = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    public static ConnectorSettings Settings(params (string Name, object Value)[] values) =>
        new("test channel", values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value)));

    public static readonly NotificationMessage Sample = new(
        "2 new findings on web-01 (1 critical, 1 high)",
        "• GHSA-jf85-cpcp-j695 (critical) pkg:npm/lodash@4.17.15\n• GHSA-p6mc-m468-83gw (high) pkg:npm/lodash@4.17.15 <app>",
        NotificationSeverity.Critical,
        new Uri("http://vigil.test/scans/s-1"),
        [new NotificationFact("Node", "web-01"), new NotificationFact("Scan", "s-1")],
        "findings:n-1:s-1");
}
