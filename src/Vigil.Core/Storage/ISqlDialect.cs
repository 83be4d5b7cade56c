namespace Vigil.Core.Storage;

/// <summary>
/// The few places where SQLite and SQL Server SQL differ. Everything else is written once in the portable subset
/// (named parameters, <c>INSERT</c>/<c>UPDATE</c>/<c>DELETE</c>, joins, <c>COUNT</c>).
/// </summary>
public interface ISqlDialect
{
    /// <summary>Which provider this dialect speaks for.</summary>
    DatabaseProvider Provider { get; }

    /// <summary>
    /// An insert-or-update of one row: <paramref name="columns"/> are bound from parameters of the same names,
    /// rows are identified by <paramref name="keyColumns"/>.
    /// </summary>
    string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns);

    /// <summary>An insert that does nothing when a row with the same key already exists (idempotent delivery).</summary>
    string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns);

    /// <summary>Appends server-side paging to a query that already has an <c>ORDER BY</c>; binds <c>@skip</c> and <c>@take</c>.</summary>
    string Page(string orderedSelect);

    /// <summary>Expression for the current UTC time as the database stores timestamps.</summary>
    string UtcNow { get; }

    /// <summary>Case-insensitive <c>LIKE</c> of <paramref name="column"/> against parameter <paramref name="parameter"/>.</summary>
    string ContainsIgnoreCase(string column, string parameter);
}
