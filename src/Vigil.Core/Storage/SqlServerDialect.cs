namespace Vigil.Core.Storage;

/// <summary>T-SQL's spelling of the dialect seam.</summary>
public sealed class SqlServerDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string UtcNow => "SYSUTCDATETIME()";

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns)
    {
        // MERGE with HOLDLOCK is the race-free single-statement upsert on SQL Server.
        var source = string.Join(", ", columns.Select(c => $"@{c} AS {c}"));
        var on = string.Join(" AND ", keyColumns.Select(k => $"t.{k} = s.{k}"));
        var updates = string.Join(", ", columns.Except(keyColumns).Select(c => $"t.{c} = s.{c}"));
        var update = updates.Length == 0 ? "" : $"WHEN MATCHED THEN UPDATE SET {updates} ";
        return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT {source}) AS s ON {on} {update}" +
               $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "s." + c))});";
    }

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns)
    {
        var source = string.Join(", ", columns.Select(c => $"@{c} AS {c}"));
        var on = string.Join(" AND ", keyColumns.Select(k => $"t.{k} = s.{k}"));
        return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT {source}) AS s ON {on} " +
               $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "s." + c))});";
    }

    public string Page(string orderedSelect) => $"{orderedSelect} OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY";

    // The default collations are case-insensitive; LOWER keeps the meaning under a case-sensitive one too.
    public string ContainsIgnoreCase(string column, string parameter) =>
        $"LOWER({column}) LIKE '%' + LOWER({parameter}) + '%' ESCAPE '\\'";
}
