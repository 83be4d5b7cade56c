using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Core.Audit;

/// <summary>Reads the audit log, newest first, paged on the server.</summary>
public sealed class AuditLog(IDbConnectionFactory db)
{
    public async Task<Page<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            where.Add(db.Dialect.ContainsIgnoreCase("actor", "@actor"));
            args.Add("actor", LikePattern.Escape(query.Actor));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            where.Add("action = @action");
            args.Add("action", query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            where.Add($"({db.Dialect.ContainsIgnoreCase("target", "@search")} OR {db.Dialect.ContainsIgnoreCase("detail", "@search")} OR {db.Dialect.ContainsIgnoreCase("action", "@search")})");
            args.Add("search", LikePattern.Escape(query.Search));
        }

        if (query.From is { } from)
        {
            where.Add("occurred_at >= @from");
            args.Add("from", from);
        }

        if (query.To is { } to)
        {
            where.Add("occurred_at < @to");
            args.Add("to", to);
        }

        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        args.Add("skip", Math.Max(0, query.Skip));
        args.Add("take", Math.Clamp(query.Take, 1, 500));

        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log" + filter, args);
        var items = await connection.QueryAsync<AuditEntry>(
            db.Dialect.Page("SELECT id, occurred_at AS OccurredAt, actor, action, target, detail, ip FROM audit_log" + filter + " ORDER BY occurred_at DESC, id DESC"),
            args);
        return new Page<AuditEntry>(items.ToList(), total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>("SELECT DISTINCT action FROM audit_log ORDER BY action")).ToList();
    }
}
