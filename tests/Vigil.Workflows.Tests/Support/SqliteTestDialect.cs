using Vigil.Core.Storage;

namespace Vigil.Workflows.Tests.Support;

/// <summary>A minimal SQLite dialect for tests, until Vigil.Core's own replaces it.</summary>
internal sealed class SqliteTestDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string UtcNow => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) " +
        $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET {string.Join(", ", columns.Except(keyColumns).Select(c => $"{c} = excluded.{c}"))}";

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT OR IGNORE INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    public string Page(string orderedSelect) => orderedSelect + " LIMIT @take OFFSET @skip";

    public string ContainsIgnoreCase(string column, string parameter) => $"{column} LIKE '%' || @{parameter} || '%'";
}
