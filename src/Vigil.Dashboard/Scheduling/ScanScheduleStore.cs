using System.Text.Json;
using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Dashboard.Scheduling;

/// <summary>Scan schedules and their runs in Vigil's database.</summary>
public sealed class ScanScheduleStore(IDbConnectionFactory db)
{
    public const int RunsKept = 50;

    private const string Select =
        "SELECT id, name, cron, time_zone, quartz_cron, target_kind, target_labels, CAST(is_enabled AS BIGINT) AS is_enabled, created_at, updated_at, updated_by FROM scan_schedules";

    public async Task<IReadOnlyList<ScanSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + " ORDER BY name, id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSchedule()).ToArray();
    }

    public async Task<ScanSchedule?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToSchedule();
    }

    /// <summary>Inserts or replaces the schedule; returns true when it was new.</summary>
    public async Task<bool> SaveAsync(ScanSchedule schedule, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new
        {
            id = schedule.Id,
            name = schedule.Name,
            cron = schedule.Cron,
            time_zone = schedule.TimeZone,
            quartz_cron = schedule.QuartzCron,
            target_kind = schedule.Target.Kind,
            target_labels = ScheduleTargetColumns.Write(schedule.Target),
            is_enabled = schedule.Enabled,
            created_at = schedule.CreatedAt,
            updated_at = schedule.UpdatedAt,
            updated_by = schedule.UpdatedBy,
        };
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE scan_schedules SET name = @name, cron = @cron, time_zone = @time_zone, quartz_cron = @quartz_cron, target_kind = @target_kind,
                   target_labels = @target_labels, is_enabled = @is_enabled, updated_at = @updated_at, updated_by = @updated_by
            WHERE id = @id
            """,
            parameters, cancellationToken: cancellationToken));
        if (updated == 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO scan_schedules (id, name, cron, time_zone, quartz_cron, target_kind, target_labels, is_enabled, created_at, updated_at, updated_by)
            VALUES (@id, @name, @cron, @time_zone, @quartz_cron, @target_kind, @target_labels, @is_enabled, @created_at, @updated_at, @updated_by)
            """,
            parameters, cancellationToken: cancellationToken));
        return true;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Children first: SQL Server cascades, SQLite only with foreign keys on; deleting explicitly works on both.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scan_schedule_run_scans WHERE run_id IN (SELECT id FROM scan_schedule_runs WHERE schedule_id = @id)", new { id }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scan_schedule_runs WHERE schedule_id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scan_schedules WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    /// <summary>Records a run and the scans it started in one transaction.</summary>
    public async Task AddRunAsync(ScheduleRun run, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO scan_schedule_runs (id, schedule_id, fired_at, finished_at, outcome, node_count, error)
            VALUES (@Id, @ScheduleId, @FiredAt, @FinishedAt, @Outcome, @NodeCount, @Error)
            """,
            run, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO scan_schedule_run_scans (run_id, scan_id, node_id) VALUES (@RunId, @ScanId, @NodeId)",
            run.Scans.Select(s => new { RunId = run.Id, s.ScanId, s.NodeId }).ToArray(), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The newest runs of a schedule, newest first.</summary>
    public async Task<IReadOnlyList<ScheduleRun>> ListRunsAsync(string scheduleId, int take = RunsKept, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var runs = (await connection.QueryAsync<RunRow>(new CommandDefinition(
            db.Dialect.Page("SELECT id, schedule_id, fired_at, finished_at, outcome, CAST(node_count AS BIGINT) AS node_count, error FROM scan_schedule_runs WHERE schedule_id = @scheduleId ORDER BY fired_at DESC"),
            new { scheduleId, skip = 0, take }, cancellationToken: cancellationToken))).ToArray();
        if (runs.Length == 0)
        {
            return [];
        }

        var scans = (await connection.QueryAsync<(string RunId, string ScanId, string NodeId)>(new CommandDefinition(
                "SELECT run_id, scan_id, node_id FROM scan_schedule_run_scans WHERE run_id IN @ids", new { ids = runs.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(s => s.RunId);
        return runs.Select(r => new ScheduleRun(
            r.Id, r.ScheduleId, r.FiredAt, r.FinishedAt, r.Outcome, (int)r.NodeCount, r.Error,
            scans[r.Id].Select(s => new ScheduleRunScan(s.ScanId, s.NodeId)).ToArray())).ToArray();
    }

    private sealed record Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Cron { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string QuartzCron { get; init; } = "";
        public string TargetKind { get; init; } = "";
        public string TargetLabels { get; init; } = "{}";
        public long IsEnabled { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";

        public ScanSchedule ToSchedule() => new()
        {
            Id = Id,
            Name = Name,
            Cron = Cron,
            TimeZone = TimeZone,
            QuartzCron = QuartzCron,
            Target = ScheduleTargetColumns.Read(TargetKind, TargetLabels),
            Enabled = IsEnabled != 0,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            UpdatedBy = UpdatedBy,
        };
    }

    private sealed record RunRow
    {
        public string Id { get; init; } = "";
        public string ScheduleId { get; init; } = "";
        public DateTimeOffset FiredAt { get; init; }
        public DateTimeOffset FinishedAt { get; init; }
        public string Outcome { get; init; } = "";
        public long NodeCount { get; init; }
        public string? Error { get; init; }
    }
}
