using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Scans;
using Vigil.Core.Storage;

namespace Vigil.Core.Tests;

/// <summary>
/// No scan stays stuck: each active state has a timeout with a reason a user can act on, and a console start fails
/// scans the previous process left running. Time is moved by a fake clock; storage is real (both providers).
/// </summary>
public sealed class ScanLifecycleTests
{
    private static readonly ScanOptions Options = new()
    {
        QueuedTimeout = TimeSpan.FromMinutes(10),
        StallTimeout = TimeSpan.FromMinutes(5),
        TotalTimeout = TimeSpan.FromHours(2),
    };

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Each_active_state_times_out_with_its_own_reason(string provider)
    {
        var (core, time, scans) = await CreateAsync(provider);
        using var _ = core;
        var neverPickedUp = (await scans.QueueAsync(await NodeAsync(core, "queued-node"), "test"))!.Scan.Id;
        var stalled = (await scans.QueueAsync(await NodeAsync(core, "stalled-node"), "test"))!.Scan.Id;
        var endless = (await scans.QueueAsync(await NodeAsync(core, "endless-node"), "test"))!.Scan.Id;
        Assert.True(await scans.ReportProgressAsync(stalled, (await scans.GetAsync(stalled))!.NodeId, "cataloging", 10));
        Assert.True(await scans.ReportProgressAsync(endless, (await scans.GetAsync(endless))!.NodeId, "cataloging", 10));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await scans.FailOverdueAsync());

        // The endless scan keeps reporting, so only the total deadline can end it.
        for (var minute = 4; minute < 121; minute += 4)
        {
            Assert.True(await scans.ReportProgressAsync(endless, (await scans.GetAsync(endless))!.NodeId, "cataloging", 50));
            time.Advance(TimeSpan.FromMinutes(4));
            await scans.FailOverdueAsync();
        }

        var queued = (await scans.GetAsync(neverPickedUp))!;
        Assert.Equal(ScanStatus.Failed, queued.Status);
        Assert.Equal(ScanFailures.NotPickedUp(Options.QueuedTimeout), queued.Error);
        Assert.Contains("vigil-agent runs on the node", queued.Error, StringComparison.Ordinal);
        Assert.Equal(ScanFailures.Stalled(Options.StallTimeout), (await scans.GetAsync(stalled))!.Error);
        var timedOut = (await scans.GetAsync(endless))!;
        Assert.Equal(ScanStatus.Failed, timedOut.Status);
        Assert.Equal(ScanFailures.TimedOut(Options.TotalTimeout), timedOut.Error);

        // A late report from the agent cannot revive a failed scan.
        Assert.False(await scans.ReportProgressAsync(stalled, (await scans.GetAsync(stalled))!.NodeId, "cataloging", 60));
        await using var connection = await core.Database.Factory.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_events WHERE type = 'ScanFailed'"));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task A_console_start_fails_running_scans_and_keeps_queued_ones_for_their_agents(string provider)
    {
        var (core, _, scans) = await CreateAsync(provider);
        using var __ = core;
        var running = (await scans.QueueAsync(await NodeAsync(core, "running-node"), "test"))!.Scan;
        Assert.True(await scans.ReportProgressAsync(running.Id, running.NodeId, "cataloging", 30));
        var queued = (await scans.QueueAsync(await NodeAsync(core, "waiting-node"), "test"))!.Scan;

        Assert.Equal(1, await scans.FailInterruptedAsync());

        Assert.Equal(ScanFailures.ConsoleRestarted, (await scans.GetAsync(running.Id))!.Error);
        Assert.Equal(ScanStatus.Queued, (await scans.GetAsync(queued.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task The_database_refuses_a_second_active_scan_of_a_node(string provider)
    {
        var (core, time, scans) = await CreateAsync(provider);
        using var _ = core;
        var nodeId = await NodeAsync(core, "one-node");
        var first = (await scans.QueueAsync(nodeId, "test"))!;
        var again = (await scans.QueueAsync(nodeId, "test"))!;
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Scan.Id, again.Scan.Id);

        // Even a writer that skips the check cannot insert a duplicate: the filtered unique index stops it.
        await using var connection = await core.Database.Factory.OpenAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO scans (id, node_id, status, progress, requested_by, created_at, deadline) VALUES ('dup', @nodeId, 'running', 0, 'x', @now, @now)",
            new { nodeId, now = time.GetUtcNow() }));
        await connection.ExecuteAsync(
            "INSERT INTO scans (id, node_id, status, progress, requested_by, created_at, deadline) VALUES ('old', @nodeId, 'complete', 0, 'x', @now, @now)",
            new { nodeId, now = time.GetUtcNow() });
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task The_scan_list_filters_by_node_and_status_and_searches_node_names_and_scan_ids(string provider)
    {
        var (core, time, scans) = await CreateAsync(provider);
        using var _ = core;
        var web = (await scans.QueueAsync(await NodeAsync(core, "checkout-web"), "test"))!.Scan;
        time.Advance(TimeSpan.FromSeconds(1));
        var db = (await scans.QueueAsync(await NodeAsync(core, "orders_db%"), "test"))!.Scan;
        Assert.True(await scans.ReportProgressAsync(db.Id, db.NodeId, "cataloging", 5));

        static string Ids(Page<Scan> page) => $"{page.Total}:{string.Join(",", page.Items.Select(s => s.NodeName))}";
        Assert.Equal("2:orders_db%,checkout-web", Ids(await scans.ListAsync(new ScanQuery())));
        Assert.Equal("1:checkout-web", Ids(await scans.ListAsync(new ScanQuery(NodeId: web.NodeId))));
        Assert.Equal("1:orders_db%", Ids(await scans.ListAsync(new ScanQuery(Status: ScanStatus.Running))));
        Assert.Equal("1:checkout-web", Ids(await scans.ListAsync(new ScanQuery(), "CHECKOUT")));
        Assert.Equal("1:orders_db%", Ids(await scans.ListAsync(new ScanQuery(), "db%"))); // LIKE wildcards are literal
        Assert.Equal("0:", Ids(await scans.ListAsync(new ScanQuery(), "_db_")));
        Assert.Equal("1:checkout-web", Ids(await scans.ListAsync(new ScanQuery(), web.Id)));
        Assert.Equal("0:", Ids(await scans.ListAsync(new ScanQuery(Status: ScanStatus.Queued), "orders")));
    }

    private static async Task<(CoreServices Core, FakeTimeProvider Time, ScanStore Scans)> CreateAsync(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var core = await CoreServices.CreateAsync(provider, time);
        return (core, time, new ScanStore(core.Database.Factory, core.Outbox, time, Microsoft.Extensions.Options.Options.Create(Options)));
    }

    private static async Task<string> NodeAsync(CoreServices core, string name)
    {
        var id = Guid.NewGuid().ToString("N");
        await using var connection = await core.Database.Factory.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO nodes (id, name, type, status, enrolled_at) VALUES (@id, @name, 'host', 'online', @now)",
            new { id, name, now = core.Time.GetUtcNow() });
        return id;
    }
}
