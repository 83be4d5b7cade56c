using System.Data.Common;
using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Dashboard.Feeds;

/// <summary>Per-source import status in <c>feed_sources</c>.</summary>
public sealed class FeedSourceLog(IDbConnectionFactory db)
{
    private static readonly string[] Columns = ["source", "last_attempt_at", "last_success_at", "advisory_count", "last_error", "etag", "last_modified"];

    /// <summary>The status of each of <paramref name="sources"/>, in their order; sources never tried have only their name.</summary>
    public async Task<IReadOnlyList<FeedSourceStatus>> ListAsync(IReadOnlyList<string> sources, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<FeedSourceStatus>(new CommandDefinition(
                "SELECT source, last_attempt_at, last_success_at, advisory_count, last_error, etag, last_modified FROM feed_sources",
                cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Source, StringComparer.Ordinal);
        return sources.Select(s => rows.GetValueOrDefault(s) ?? new FeedSourceStatus { Source = s }).ToArray();
    }

    /// <summary>Writes a source's status as a whole row (insert or update).</summary>
    public static Task SaveAsync(DbConnection connection, DbTransaction? transaction, ISqlDialect dialect, FeedSourceStatus status, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            dialect.Upsert("feed_sources", ["source"], Columns),
            new
            {
                source = status.Source,
                last_attempt_at = status.LastAttemptAt,
                last_success_at = status.LastSuccessAt,
                advisory_count = status.AdvisoryCount,
                last_error = status.LastError,
                etag = status.Etag,
                last_modified = status.LastModified,
            },
            transaction,
            cancellationToken: cancellationToken));
}
