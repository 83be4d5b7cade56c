using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Notifications.Tests.Console;

/// <summary>
/// One console for the routing tests: the built notifications plugin loaded from plugins/bin, a public URL for links,
/// quick retries, and its log captured. Each test starts by removing the previous tests' rules.
/// </summary>
public sealed class NotificationConsole : IAsyncLifetime
{
    public const string PublicUrl = "https://vigil.example.test";

    public DashboardHost Host { get; private set; } = default!;

    public VigilApiClient Api { get; private set; } = default!;

    public CapturedLogs Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Logs = Logs,
            Settings = new Dictionary<string, string?>
            {
                ["Vigil:Plugins:Directory"] = RepoPaths.Combine("plugins", "bin"),
                ["Vigil:PublicUrl"] = PublicUrl,
                ["Vigil:Notifications:PollInterval"] = "00:00:00.200",
                ["Vigil:Notifications:RetryDelay"] = "00:00:01",
                ["Vigil:Notifications:MaxAttempts"] = "2",
            },
        });
        Api = Host.Api();
    }

    public async Task ResetAsync()
    {
        await using var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync("DELETE FROM notification_rules; DELETE FROM notification_digest_items;");
    }

    /// <summary>Adds a webhook channel pointing at <paramref name="endpoint"/>; returns its id.</summary>
    public async Task<string> AddWebhookAsync(string name, HttpRecorder endpoint, string secret, int timeoutSeconds = 10)
    {
        var created = await Api.PostJsonAsync("/api/v1/integrations", new
        {
            name,
            pluginId = "vigil.notifications",
            connectorType = "webhook",
            settings = new { url = new Uri(endpoint.BaseAddress, "hook").AbsoluteUri, secret, timeoutSeconds },
        });
        return created.GetProperty("id").GetString()!;
    }

    public async Task<string> AddRuleAsync(object rule) => (await Api.PostJsonAsync("/api/v1/notification-rules", rule)).GetProperty("id").GetString()!;

    /// <summary>Writes an event through the outbox, as the scan pipeline, the feed import and the node sweeper do.</summary>
    public async Task AppendAsync(params DomainEvent[] events)
    {
        var db = Host.Services.GetRequiredService<IDbConnectionFactory>();
        var outbox = Host.Services.GetRequiredService<EventOutbox>();
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var domainEvent in events)
        {
            await outbox.AppendAsync(connection, transaction, domainEvent);
        }

        await transaction.CommitAsync();
        outbox.Committed();
    }

    public async Task AddNodeAsync(string id, string name, IReadOnlyDictionary<string, string> labels)
    {
        await using var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO nodes (id, name, type, status, enrolled_at) VALUES (@id, @name, 'host', 'online', @now)", new { id, name, now = DateTimeOffset.UtcNow });
        foreach (var (key, value) in labels)
        {
            await connection.ExecuteAsync("INSERT INTO node_labels (node_id, label_key, label_value) VALUES (@id, @key, @value)", new { id, key, value });
        }
    }

    /// <summary>The channel's deliveries once <paramref name="done"/> holds for them (polled; fails after 30 s).</summary>
    public Task<JsonElement> WaitForDeliveriesAsync(string integrationId, Func<JsonElement[], bool> done) =>
        Api.WaitForJsonAsync($"/api/v1/notification-deliveries?integrationId={integrationId}",
            page => done([.. page.GetProperty("items").EnumerateArray()]), TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
    }
}
