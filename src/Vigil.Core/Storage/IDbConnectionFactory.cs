using System.Data.Common;

namespace Vigil.Core.Storage;

/// <summary>Opens connections to Vigil's database; the only way code reaches storage.</summary>
public interface IDbConnectionFactory
{
    /// <summary>The SQL differences between the providers.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>Opens a new connection (pooled by the provider). Dispose it when done.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}
