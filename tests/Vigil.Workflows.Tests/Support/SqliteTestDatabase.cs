using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Core.Storage;

namespace Vigil.Workflows.Tests.Support;

/// <summary>
/// A real SQLite file in a temporary directory, opened and migrated exactly as the console does it (Vigil.Core's
/// connection factory and DbUp migrator). Several engines can share one instance, as several console processes share
/// one file.
/// </summary>
internal sealed class SqliteTestDatabase : IDbConnectionFactory, IDisposable
{
    private readonly string _directory;
    private readonly SqliteConnectionFactory _factory;

    public SqliteTestDatabase()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vigil-wf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "vigil.db");
        new DatabaseMigrator(DatabaseSettings.ForSqliteFile(file), NullLogger<DatabaseMigrator>.Instance, NullLoggerFactory.Instance).Migrate();
        _factory = new SqliteConnectionFactory(file);
    }

    public ISqlDialect Dialect => _factory.Dialect;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => _factory.OpenAsync(cancellationToken);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a lingering connection: the temp folder is cleaned by the OS.
        }
    }
}
