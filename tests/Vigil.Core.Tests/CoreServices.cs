using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Core.Accounts;
using Vigil.Core.Audit;
using Vigil.Core.Events;

namespace Vigil.Core.Tests;

/// <summary>The core services over one migrated test database, wired by hand as the host would.</summary>
public sealed class CoreServices : IDisposable
{
    private CoreServices(TestDatabase database, TimeProvider time)
    {
        Database = database;
        Time = time;
        Signal = new OutboxSignal();
        Outbox = new EventOutbox(database.Factory, Signal);
        ApiKeys = new ApiKeyService(database.Factory, Outbox, time);
        AuditLog = new AuditLog(database.Factory);
    }

    public TestDatabase Database { get; }
    public TimeProvider Time { get; }
    public OutboxSignal Signal { get; }
    public EventOutbox Outbox { get; }
    public ApiKeyService ApiKeys { get; }
    public AuditLog AuditLog { get; }

    public static async Task<CoreServices> CreateAsync(string provider = "Sqlite", TimeProvider? time = null)
    {
        var database = await StorageProviders.CreateAsync(provider);
        database.Migrator.Migrate();
        return new CoreServices(database, time ?? TimeProvider.System);
    }

    public OutboxDispatcher Dispatcher(params IDomainEventSubscriber[] subscribers) =>
        new(Database.Factory, Signal, new EventTypeRegistry([typeof(DomainEvent).Assembly]), subscribers, Time, NullLogger<OutboxDispatcher>.Instance);

    public void Dispose() => Database.Dispose();
}
