using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Core.Tests;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Migrates_an_empty_database_to_the_shipped_version(string provider)
    {
        using var db = await StorageProviders.CreateAsync(provider);
        db.Migrator.Migrate();

        await using var connection = await db.Factory.OpenAsync();
        Assert.Equal(DatabaseMigrator.ExpectedVersion(db.Settings.Provider), await DatabaseMigrator.CurrentVersionAsync(connection));
        foreach (var table in new[] { "users", "api_keys", "outbox_events", "audit_log", "data_protection_keys" })
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Running_migrations_again_changes_nothing_and_keeps_data(string provider)
    {
        using var db = await StorageProviders.CreateAsync(provider);
        db.Migrator.Migrate();
        await using (var connection = await db.Factory.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO audit_log (id, occurred_at, actor, action) VALUES (@id, @at, @actor, @action)",
                new { id = "a1", at = DateTimeOffset.UtcNow, actor = "test", action = "kept" });
        }

        db.Migrator.Migrate();

        await using var again = await db.Factory.OpenAsync();
        Assert.Equal(1, await again.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'kept'"));
        Assert.Equal(DatabaseMigrator.ShippedScripts(db.Settings.Provider).Count, await again.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {DatabaseMigrator.JournalTable}"));
    }

    [Fact]
    public void Every_provider_ships_the_same_script_numbers()
    {
        static IEnumerable<string> Names(DatabaseProvider p) =>
            DatabaseMigrator.ShippedScripts(p).Select(n => n[(n.IndexOf($".{p}.", StringComparison.Ordinal) + p.ToString().Length + 2)..]);

        var sqlite = Names(DatabaseProvider.Sqlite).ToList();
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, Names(DatabaseProvider.SqlServer));
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        using var db = await StorageProviders.CreateAsync(nameof(DatabaseProvider.Sqlite));
        db.Migrator.Migrate();
        await using var connection = await db.Factory.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }
}
