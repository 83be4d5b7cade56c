namespace Vigil.Core.Storage;

/// <summary>SQLite's spelling of the dialect seam. Timestamps are ISO 8601 UTC text, which sorts correctly.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string UtcNow => "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns)
    {
        var updates = columns.Except(keyColumns).Select(c => $"{c} = excluded.{c}");
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({Parameters(columns)}) " +
               $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({Parameters(columns)}) " +
        $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";

    public string Page(string orderedSelect) => $"{orderedSelect} LIMIT @take OFFSET @skip";

    public string ContainsIgnoreCase(string column, string parameter) =>
        $"{column} LIKE '%' || {parameter} || '%' ESCAPE '\\'";

    private static string Parameters(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "@" + c));
}
