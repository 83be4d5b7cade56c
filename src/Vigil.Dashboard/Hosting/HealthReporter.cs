using Microsoft.Extensions.Options;
using Vigil.Core.Configuration;
using Vigil.Core.Storage;

namespace Vigil.Dashboard.Hosting;

/// <summary>What the health page and <c>/readyz</c> report about this console.</summary>
public sealed class HealthReporter(
    IDbConnectionFactory db,
    DatabaseSettings database,
    DataDirectory dataDirectory,
    ConfigRootPath configRoot,
    IOptions<VigilOptions> options,
    StartInfo start,
    TimeProvider time)
{
    public sealed record Report(
        string Version,
        DateTimeOffset StartedAt,
        TimeSpan Uptime,
        string DatabaseProvider,
        string Database,
        int SchemaVersion,
        int ExpectedSchemaVersion,
        string DataDirectory,
        string PluginDirectory,
        string ConfigDirectory);

    public async Task<Report> ReportAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return new Report(
            typeof(HealthReporter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            start.StartedAt,
            time.GetUtcNow() - start.StartedAt,
            database.Provider.ToString(),
            database.Description,
            await DatabaseMigrator.CurrentVersionAsync(connection),
            DatabaseMigrator.ExpectedVersion(database.Provider),
            dataDirectory.Path,
            configRoot.Resolve(options.Value.Plugins.Directory),
            configRoot.Path);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            return await DatabaseMigrator.CurrentVersionAsync(connection) >= DatabaseMigrator.ExpectedVersion(database.Provider);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return false;
        }
    }
}
