using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Vigil.Core.Storage;

/// <summary>The embedded default: one SQLite file in WAL mode under the data directory.</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(string databaseFile)
    {
        DapperTypeHandlers.Register();
        DatabaseFile = databaseFile;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: this is the busy timeout.
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabaseFile { get; }

    public ISqlDialect Dialect { get; } = new SqliteDialect();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL persists in the file; synchronous=NORMAL is the documented safe pairing with WAL. busy_timeout lets
        // SQLite wait for the writer lock itself, in steps of a few milliseconds, instead of failing at once into
        // Microsoft.Data.Sqlite's coarser retry loop.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
