using Quartz;
using Vigil.Core.Storage;

namespace Vigil.Dashboard.Scheduling;

public static class SchedulingServices
{
    /// <summary>Quartz's persistent job store group names, one per kind of scheduled work.</summary>
    public const string ScanSchedulesGroup = "scan-schedules";
    public const string WorkflowTimersGroup = "workflow-timers";
    public const string WorkflowCronGroup = "workflow-cron";
    public const string SystemGroup = "system";

    /// <summary>
    /// Quartz.NET on Vigil's own database (ARCHITECTURE.md "Time and background work"): the ADO.NET job store whose
    /// tables are migration 0500, System.Text.Json for job data, clustered on SQL Server (several consoles share one
    /// database) and not on SQLite (one process owns the file). A trigger missed while the console was down fires
    /// once when it comes back: the misfire threshold decides what counts as missed.
    /// </summary>
    public static IServiceCollection AddVigilScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var database = (DatabaseSettings)services.Single(d => d.ServiceType == typeof(DatabaseSettings)).ImplementationInstance!;
        // How late a trigger may fire and still count as on time; later, its misfire instruction decides (fire once now).
        var misfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Vigil:Scheduling:MisfireThresholdSeconds", 30));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Vigil";
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.MisfireThreshold = misfireThreshold;
                    o.StoreJobDataAsStrings = true;
                });
                if (database.Provider == DatabaseProvider.SqlServer)
                {
                    store.UseSqlServer(database.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(15));
                }
                else
                {
                    store.UseSqlite(SqliteConnectionString(database.ConnectionString));
                }
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<VigilScheduler>();
        services.AddSingleton<ScanScheduleStore>();
        services.AddSingleton<ScheduleTargetResolver>();
        services.AddTransient<ScanScheduleJob>();
        services.AddSingleton<ScanSchedules>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanSchedules>());
        services.AddSingleton<ScheduleBoard>();
        return services;
    }

    /// <summary>Vigil's SQLite file with the same busy timeout its own connections use, so Quartz waits instead of failing on a busy database.</summary>
    private static string SqliteConnectionString(string connectionString) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30, ForeignKeys = true }.ToString();
}
