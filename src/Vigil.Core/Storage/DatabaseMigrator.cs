using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace Vigil.Core.Storage;

/// <summary>
/// Brings the database to the newest schema with DbUp: versioned scripts per provider, embedded in this assembly
/// under <c>Storage/Migrations/&lt;Provider&gt;/NNNN_name.sql</c>, each applied once in its own transaction.
/// </summary>
public sealed class DatabaseMigrator(DatabaseSettings settings, ILogger<DatabaseMigrator> logger, ILoggerFactory loggers)
{
    /// <summary>DbUp's journal of applied scripts.</summary>
    public const string JournalTable = "schema_versions";

    public void Migrate()
    {
        var builder = settings.Provider switch
        {
            DatabaseProvider.Sqlite => DeployChanges.To.SqliteDatabase(settings.ConnectionString).JournalToSqliteTable(JournalTable),
            DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(settings.ConnectionString).JournalToSqlTable("dbo", JournalTable),
            _ => throw new NotSupportedException($"Unknown database provider {settings.Provider}."),
        };

        var folder = $".Storage.Migrations.{settings.Provider}.";
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(logger)
            .Build()
            .PerformUpgrade();

        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database migration failed in script '{result.ErrorScript?.Name}': {result.Error?.Message}", result.Error);
        }

        // DbUp's own chatter goes to the DatabaseMigrator category (quiet by default); one line says what happened.
        loggers.CreateLogger("Vigil.Storage").LogInformation(
            "{Database}: schema version {Version}, {Applied} script(s) applied now", settings.Description, ExpectedVersion(settings.Provider), result.Scripts.Count());
    }

    /// <summary>The scripts this build ships, newest last.</summary>
    public static IReadOnlyList<string> ShippedScripts(DatabaseProvider provider)
    {
        var folder = $".Storage.Migrations.{provider}.";
        return typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The number of the newest applied script (e.g. 1 for <c>0001_foundation.sql</c>), or 0 on an empty database.</summary>
    public static async Task<int> CurrentVersionAsync(DbConnection connection)
    {
        var names = await connection.QueryAsync<string>($"SELECT scriptname FROM {JournalTable}");
        return names.Select(ScriptNumber).DefaultIfEmpty(0).Max();
    }

    /// <summary>The schema version this build expects.</summary>
    public static int ExpectedVersion(DatabaseProvider provider) =>
        ShippedScripts(provider).Select(ScriptNumber).DefaultIfEmpty(0).Max();

    private static int ScriptNumber(string resourceName)
    {
        // "Vigil.Core.Storage.Migrations.Sqlite.0001_foundation.sql" -> 1
        var file = resourceName[(resourceName.LastIndexOf(".Migrations.", StringComparison.Ordinal) + 12)..];
        file = file[(file.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var digits = new string(file.TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var n) ? n : 0;
    }
}
