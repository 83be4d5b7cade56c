using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Core.Tests;

/// <summary>
/// The databases storage conformance runs on: a real SQLite file always, and SQL Server when
/// <c>VIGIL_TEST_SQLSERVER</c> holds a connection string (no SQL Server can run on this machine).
/// </summary>
public static class StorageProviders
{
    public const string SqlServerVariable = "VIGIL_TEST_SQLSERVER";

    public static TheoryData<string> All => new() { nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.SqlServer) };

    /// <summary>A migrated, empty database of the provider; skips the test with a reason where it cannot run.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == nameof(DatabaseProvider.SqlServer))
        {
            var connectionString = Environment.GetEnvironmentVariable(SqlServerVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Assert.Skip($"SQL Server conformance skipped: set {SqlServerVariable} to a connection string of an empty database to run it.");
            }

            var settings = DatabaseSettings.ForSqlServer(connectionString);
            await ResetSqlServerAsync(settings);
            return new TestDatabase(settings, null);
        }

        var temp = new TempDirectory("vigil-db");
        return new TestDatabase(DatabaseSettings.ForSqliteFile(temp.Combine("vigil.db")), temp);
    }

    private static async Task ResetSqlServerAsync(DatabaseSettings settings)
    {
        // Conformance runs on a dedicated test database: drop Vigil's tables so every test starts from empty.
        await using var connection = await settings.CreateFactory().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DECLARE @sql NVARCHAR(MAX) = N'';
            SELECT @sql += N'DROP TABLE ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N';' FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id;
            EXEC sp_executesql @sql;
            """;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A migrated database for one test.</summary>
public sealed class TestDatabase(DatabaseSettings settings, TempDirectory? folder) : IDisposable
{
    public DatabaseSettings Settings { get; } = settings;

    public IDbConnectionFactory Factory { get; } = settings.CreateFactory();

    public DatabaseMigrator Migrator { get; } = new(settings, NullLogger<DatabaseMigrator>.Instance, NullLoggerFactory.Instance);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder?.Dispose();
    }
}
