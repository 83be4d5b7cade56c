using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Json;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Agent.Tests;

/// <summary>
/// A real dashboard with heartbeats shortened so offline detection is observable in seconds (1 s heartbeats, offline
/// after 3 s), plus the API calls the agent tests share.
/// </summary>
public sealed class AgentConsoleFixture : IAsyncLifetime
{
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(3);
    private DashboardHost? _host;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The dashboard has not started.");

    public async ValueTask InitializeAsync() => _host = await DashboardHost.StartAsync(new DashboardOptions
    {
        Settings = new Dictionary<string, string?>
        {
            ["Vigil:Agents:HeartbeatInterval"] = "00:00:01",
            ["Vigil:Agents:OfflineAfter"] = "00:00:03",
            ["Vigil:Agents:EnrollmentsPerMinute"] = "1000",
        },
    });

    public async Task<string> CreateTokenAsync(object? body = null)
    {
        using var api = Host.Api();
        var created = await api.PostJsonAsync("/api/v1/enrollment-tokens", body ?? new { });
        return created.GetProperty("token").GetString()!;
    }

    /// <summary>Enrolls through the API directly (what <c>vigil-agent enroll</c> does), for tests about the console side.</summary>
    public async Task<HttpResponseMessage> EnrollAsync(string token, string name, object? labels = null)
    {
        using var anonymous = Host.CreateClient();
        return await anonymous.PostAsJsonAsync("/api/v1/agents/enroll", new { token, name, labels }, VigilJson.Options);
    }

    public async Task<JsonElement> NodeAsync(string id)
    {
        using var api = Host.Api();
        return await api.GetJsonAsync($"/api/v1/nodes/{id}");
    }

    /// <summary>Polls the node until <paramref name="condition"/> holds; fails with the last state seen.</summary>
    public async Task<JsonElement> WaitForNodeAsync(string id, Func<JsonElement, bool> condition, TimeSpan timeout, Func<string>? context = null)
    {
        using var api = Host.Api();
        var node = await api.WaitForJsonAsync($"/api/v1/nodes/{id}", condition, timeout);
        Assert.True(condition(node), $"Node {id} did not reach the expected state within {timeout}; last: {node} {context?.Invoke()}");
        return node;
    }

    /// <summary>The types of the outbox events that concern <paramref name="nodeId"/>, in order.</summary>
    public async Task<IReadOnlyList<string>> EventTypesOfNodeAsync(string nodeId)
    {
        await using var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var types = await connection.QueryAsync<string>(
            "SELECT type FROM outbox_events WHERE payload LIKE @pattern ORDER BY seq", new { pattern = $"%\"nodeId\":\"{nodeId}\"%" });
        return types.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
