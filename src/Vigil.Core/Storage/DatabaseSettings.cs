namespace Vigil.Core.Storage;

/// <summary>The resolved provider and connection string (SQLite's derived from the data directory).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string Description)
{
    public IDbConnectionFactory CreateFactory() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionFactory(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource),
        DatabaseProvider.SqlServer => new SqlServerConnectionFactory(ConnectionString),
        _ => throw new NotSupportedException($"Unknown database provider {Provider}."),
    };

    public static DatabaseSettings ForSqliteFile(string file) => new(
        DatabaseProvider.Sqlite,
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString(),
        $"SQLite {file}");

    public static DatabaseSettings ForSqlServer(string connectionString)
    {
        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
        // The description is shown on the health page: never include credentials.
        return new(DatabaseProvider.SqlServer, connectionString, $"SQL Server {builder.DataSource}/{builder.InitialCatalog}");
    }
}
