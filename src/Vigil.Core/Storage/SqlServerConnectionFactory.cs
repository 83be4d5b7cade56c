using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Vigil.Core.Storage;

/// <summary>SQL Server through Microsoft.Data.SqlClient (<c>ConnectionStrings:Vigil</c>).</summary>
public sealed class SqlServerConnectionFactory(string connectionString) : IDbConnectionFactory
{
    public ISqlDialect Dialect { get; } = new SqlServerDialect();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
