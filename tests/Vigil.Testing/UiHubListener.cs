using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Vigil.Dashboard.Hubs;

namespace Vigil.Testing;

/// <summary>A live-UI client on <c>/hubs/ui</c> that records every pushed event, for tests of what browsers receive.</summary>
public sealed class UiHubListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<JsonElement> _received = [];
    private readonly List<(string Type, TaskCompletionSource Arrived)> _waiters = [];

    private UiHubListener(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement[]>(UiHub.EventsMethod, batch =>
        {
            lock (_received)
            {
                _received.AddRange(batch);
                foreach (var (type, arrived) in _waiters.Where(w => batch.Any(e => TypeOf(e) == w.Type)))
                {
                    arrived.TrySetResult();
                }
            }
        });
    }

    /// <summary>Connects with an API key (Viewer is enough).</summary>
    public static async Task<UiHubListener> ConnectAsync(DashboardHost host, string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, UiHub.Route), o => o.Headers["Authorization"] = "Bearer " + apiKey)
            .Build();
        var listener = new UiHubListener(connection);
        await connection.StartAsync();
        return listener;
    }

    /// <summary>Waits until an event of <paramref name="type"/> has arrived; returns everything received so far.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(string type, TimeSpan timeout)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_received)
        {
            if (_received.Any(e => TypeOf(e) == type))
            {
                return _received.ToList();
            }

            _waiters.Add((type, arrived));
        }

        await arrived.Task.WaitAsync(timeout);
        lock (_received)
        {
            return _received.ToList();
        }
    }

    public static string? TypeOf(JsonElement domainEvent) => domainEvent.GetProperty("type").GetString();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
