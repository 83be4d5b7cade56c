using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Vigil.Core.Storage;

/// <summary>SQL Server through Microsoft.Data.SqlClient (<c>ConnectionStrings:Vigil</c>).</summary>
public sealed class SqlServerConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    public SqlServerConnectionFactory(string connectionString)
    {
        DapperTypeHandlers.Register();
        _connectionString = connectionString;
    }

    public ISqlDialect Dialect { get; } = new SqlServerDialect();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
