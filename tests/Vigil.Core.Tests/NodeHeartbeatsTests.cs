using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Events;
using Vigil.Core.Nodes;

namespace Vigil.Core.Tests;

public sealed class NodeHeartbeatsTests
{
    [Fact]
    public async Task Heartbeats_wait_in_memory_until_a_flush_writes_them_all_at_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var core = await CoreServices.CreateAsync(time: time);
        var inventory = new NodeInventory(core.Database.Factory, core.Outbox, time);
        var heartbeats = new NodeHeartbeats(inventory, time, NullLogger<NodeHeartbeats>.Instance);
        var web = await NodeAsync(core, "web", "online");
        var db = await NodeAsync(core, "db", "online");

        time.Advance(TimeSpan.FromSeconds(30));
        heartbeats.Record(web);
        heartbeats.Record(db);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(30), await LastSeenAsync(core, web)); // not written yet

        await heartbeats.FlushAsync();
        Assert.Equal(time.GetUtcNow(), await LastSeenAsync(core, web));
        Assert.Equal(time.GetUtcNow(), await LastSeenAsync(core, db));

        // Nothing pending: a second flush writes nothing, so a later, older value cannot overwrite a newer one.
        time.Advance(TimeSpan.FromSeconds(5));
        await heartbeats.FlushAsync();
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(5), await LastSeenAsync(core, web));
    }

    [Fact]
    public async Task A_flushed_heartbeat_brings_an_offline_node_back_online_with_its_event_and_ignores_removed_nodes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var core = await CoreServices.CreateAsync(time: time);
        var inventory = new NodeInventory(core.Database.Factory, core.Outbox, time);
        var heartbeats = new NodeHeartbeats(inventory, time, NullLogger<NodeHeartbeats>.Instance);
        var late = await NodeAsync(core, "late", "offline");
        var gone = await NodeAsync(core, "gone", "removed");

        heartbeats.Record(late);
        heartbeats.Record(gone);
        await heartbeats.FlushAsync();

        await using var connection = await core.Database.Factory.OpenAsync();
        Assert.Equal("online", await connection.ExecuteScalarAsync<string>("SELECT status FROM nodes WHERE id = @late", new { late }));
        Assert.Equal("removed", await connection.ExecuteScalarAsync<string>("SELECT status FROM nodes WHERE id = @gone", new { gone }));
        var events = new List<DomainEvent>();
        await core.Dispatcher(new Recorder(events)).DispatchBatchAsync(CancellationToken.None);
        var online = Assert.IsType<NodeOnline>(Assert.Single(events));
        Assert.Equal(late, online.NodeId);
    }

    private static async Task<string> NodeAsync(CoreServices core, string name, string status)
    {
        var id = Guid.NewGuid().ToString("N");
        await using var connection = await core.Database.Factory.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO nodes (id, name, type, status, enrolled_at, last_seen) VALUES (@id, @name, 'host', @status, @now, @now)",
            new { id, name, status, now = core.Time.GetUtcNow() });
        return id;
    }

    private static async Task<DateTimeOffset?> LastSeenAsync(CoreServices core, string id)
    {
        await using var connection = await core.Database.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<DateTimeOffset?>("SELECT last_seen FROM nodes WHERE id = @id", new { id });
    }

    private sealed class Recorder(List<DomainEvent> received) : IDomainEventSubscriber
    {
        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            received.Add(domainEvent);
            return Task.CompletedTask;
        }
    }
}
