using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vigil.Core.Storage;

namespace Vigil.Workflows.Bench;

/// <summary>
/// A SQLite file as the console configures it (WAL, synchronous=NORMAL, busy timeout) with the workflow migrations
/// applied; stands in for Vigil.Core's factory, which is not written yet.
/// </summary>
internal sealed class BenchDatabase : IDbConnectionFactory, ISqlDialect
{
    private readonly string _connectionString;

    public BenchDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
        var assembly = typeof(IDbConnectionFactory).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.Sqlite.02", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            command.CommandText = reader.ReadToEnd();
            command.ExecuteNonQuery();
        }
    }

    public ISqlDialect Dialect => this;

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string UtcNow => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) => throw new NotSupportedException();

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT OR IGNORE INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    public string Page(string orderedSelect) => orderedSelect + " LIMIT @take OFFSET @skip";

    public string ContainsIgnoreCase(string column, string parameter) => $"{column} LIKE '%' || @{parameter} || '%'";
}
