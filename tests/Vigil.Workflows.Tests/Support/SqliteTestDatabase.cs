using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vigil.Core.Storage;

namespace Vigil.Workflows.Tests.Support;

/// <summary>
/// A real SQLite file in a temporary directory (WAL, busy timeout) with the workflow migrations applied from Vigil.Core's
/// embedded scripts. Several engines can share one instance, as several console processes share one file.
/// </summary>
internal sealed class SqliteTestDatabase : IDbConnectionFactory, IDisposable
{
    private readonly string _directory;

    public SqliteTestDatabase()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vigil-wf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, "vigil.db");
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        foreach (var script in MigrationScripts.Sqlite())
        {
            Execute(connection, script);
        }
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public ISqlDialect Dialect { get; } = new SqliteTestDialect();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a lingering connection: the temp folder is cleaned by the OS.
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
