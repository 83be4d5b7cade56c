using Dapper;
using Vigil.Core.Audit;
using Vigil.Core.Events;

namespace Vigil.Core.Tests;

public sealed class OutboxTests
{
    private sealed class Recorder : IDomainEventSubscriber
    {
        public List<DomainEvent> Received { get; } = [];
        public int FailuresLeft { get; set; }

        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("subscriber down");
            }

            Received.Add(domainEvent);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Events_are_written_with_the_change_and_delivered_in_order()
    {
        using var core = await CoreServices.CreateAsync();
        var recorder = new Recorder();
        await core.ApiKeys.CreateAsync("one", "Viewer", null, "alice");
        var second = await core.ApiKeys.CreateAsync("two", "Viewer", null, "alice");
        await core.ApiKeys.RevokeAsync(second.Record.Id, "bob");

        await core.Dispatcher(recorder).DispatchBatchAsync(CancellationToken.None);

        Assert.Equal(["ApiKeyCreated", "ApiKeyCreated", "ApiKeyRevoked"], recorder.Received.Select(e => e.Type));
        var revoked = Assert.IsType<ApiKeyRevoked>(recorder.Received[2]);
        Assert.Equal("bob", revoked.Actor);
        Assert.Equal("two", revoked.Name);
        Assert.Equal(0, await core.Dispatcher(recorder).DispatchBatchAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Rolled_back_change_leaves_no_event()
    {
        using var core = await CoreServices.CreateAsync();
        await using (var connection = await core.Database.Factory.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await core.Outbox.AppendAsync(connection, transaction, new UserSignedIn("ghost", null));
            await transaction.RollbackAsync();
        }

        var recorder = new Recorder();
        await core.Dispatcher(recorder).DispatchBatchAsync(CancellationToken.None);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public async Task A_failing_subscriber_gets_the_event_again_later_and_order_holds()
    {
        using var core = await CoreServices.CreateAsync();
        await core.Outbox.PublishAsync(new UserSignedIn("first", null));
        await core.Outbox.PublishAsync(new UserSignedIn("second", null));
        var recorder = new Recorder { FailuresLeft = 1 };
        var dispatcher = core.Dispatcher(recorder);

        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        Assert.Empty(recorder.Received);

        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        Assert.Equal(["first", "second"], recorder.Received.Cast<UserSignedIn>().Select(e => e.Actor));
        await using var connection = await core.Database.Factory.OpenAsync();
        Assert.Equal("Recorder: subscriber down", await connection.ExecuteScalarAsync<string>("SELECT last_error FROM outbox_events WHERE attempts = 1"));
    }

    [Fact]
    public async Task A_poison_event_is_set_aside_after_the_attempt_limit()
    {
        using var core = await CoreServices.CreateAsync();
        await core.Outbox.PublishAsync(new UserSignedIn("poison", null));
        await core.Outbox.PublishAsync(new UserSignedIn("next", null));
        var recorder = new Recorder { FailuresLeft = OutboxDispatcher.MaxAttempts };
        var dispatcher = core.Dispatcher(recorder);

        for (var i = 0; i < OutboxDispatcher.MaxAttempts + 1; i++)
        {
            await dispatcher.DispatchBatchAsync(CancellationToken.None);
        }

        Assert.Equal(["next"], recorder.Received.Cast<UserSignedIn>().Select(e => e.Actor));
    }

    private sealed class Live(List<string> log) : ILiveEventSubscriber
    {
        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            log.Add("live " + ((UserSignedIn)domainEvent).Actor);
            return Task.CompletedTask;
        }
    }

    private sealed class Durable(List<string> log) : IDomainEventSubscriber
    {
        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            var actor = ((UserSignedIn)domainEvent).Actor;
            log.Add("durable " + actor);
            return actor == "broken" ? throw new InvalidOperationException("disk full") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Live_subscribers_get_the_whole_batch_before_durable_ones_and_only_delivered_rows_are_marked()
    {
        using var core = await CoreServices.CreateAsync();
        await core.Outbox.PublishAsync(new UserSignedIn("first", null));
        await core.Outbox.PublishAsync(new UserSignedIn("broken", null));
        await core.Outbox.PublishAsync(new UserSignedIn("third", null));
        var log = new List<string>();

        Assert.Equal(1, await core.Dispatcher(new Durable(log), new Live(log)).DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(["live first", "live broken", "live third", "durable first", "durable broken"], log);
        await using var connection = await core.Database.Factory.OpenAsync();
        var pending = await connection.QueryAsync<string>("SELECT payload FROM outbox_events WHERE published_at IS NULL ORDER BY seq");
        Assert.Equal(2, pending.Count());
        Assert.Contains("broken", pending.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_writer_records_each_event_once_even_when_redelivered()
    {
        using var core = await CoreServices.CreateAsync();
        var writer = new AuditWriter(core.Database.Factory);
        var signedIn = new SignInFailed("mallory@test", "wrong email or password", "10.1.2.3");

        await writer.HandleAsync(signedIn, CancellationToken.None);
        await writer.HandleAsync(signedIn, CancellationToken.None);

        var page = await core.AuditLog.QueryAsync(new AuditQuery());
        var entry = Assert.Single(page.Items);
        Assert.Equal("Sign-in failed", entry.Action);
        Assert.Equal("mallory@test", entry.Actor);
        Assert.Equal("wrong email or password", entry.Detail);
        Assert.Equal("10.1.2.3", entry.Ip);
    }

    [Fact]
    public async Task Audit_log_filters_and_pages_newest_first()
    {
        using var core = await CoreServices.CreateAsync();
        var writer = new AuditWriter(core.Database.Factory);
        var start = DateTimeOffset.Parse("2026-05-01T10:00:00Z");
        for (var i = 0; i < 30; i++)
        {
            await writer.HandleAsync(new ApiKeyCreated(i % 2 == 0 ? "alice" : "bob", $"k{i}", $"key-{i}", "Viewer", null) { OccurredAt = start.AddMinutes(i) }, CancellationToken.None);
        }

        var bob = await core.AuditLog.QueryAsync(new AuditQuery(Actor: "BOB", Take: 5));
        Assert.Equal(15, bob.Total);
        Assert.Equal(5, bob.Items.Count);
        Assert.Equal("key-29", bob.Items[0].Target);
        Assert.All(bob.Items, e => Assert.Equal("bob", e.Actor));

        var window = await core.AuditLog.QueryAsync(new AuditQuery(From: start.AddMinutes(10), To: start.AddMinutes(12)));
        Assert.Equal(["key-11", "key-10"], window.Items.Select(e => e.Target));

        var search = await core.AuditLog.QueryAsync(new AuditQuery(Search: "key-2", Skip: 0, Take: 100));
        Assert.Equal(11, search.Total); // key-2 and key-20..29
    }
}
