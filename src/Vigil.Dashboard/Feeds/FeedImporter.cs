using Microsoft.Extensions.Options;
using Vigil.Core.Configuration;
using Vigil.Core.Events;
using Vigil.Core.Storage;
using Vigil.Scanning.Feeds;

namespace Vigil.Dashboard.Feeds;

/// <summary>
/// Imports <c>Vigil:Feeds:Sources</c> into the console's feed store, one import at a time: at start, on the refresh
/// schedule and on demand. A source that is missing or unreachable is a warning recorded on its status, never a
/// failure of the others; the store keeps what that source gave last time. A new snapshot emits <c>FeedUpdated</c>
/// through the outbox in the same transaction that records the sources' success.
/// </summary>
public sealed class FeedImporter(
    ConsoleFeed feed,
    IOptionsMonitor<FeedOptions> options,
    ConfigRootPath configRoot,
    IHttpClientFactory httpClients,
    IDbConnectionFactory db,
    EventOutbox outbox,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<FeedImporter> logger)
{
    public const string HttpClientName = "feeds";

    private readonly Lock _gate = new();
    private Task<FeedImportOutcome>? _running;

    /// <summary>Raised whenever <see cref="Progress"/> changes (from the import's thread).</summary>
    public event Action? ProgressChanged;

    public FeedImportProgress Progress { get; private set; } = FeedImportProgress.Idle;

    public IReadOnlyList<string> Sources => options.CurrentValue.Sources;

    /// <summary>Starts an import on a background thread, or returns the one already running.</summary>
    public Task<FeedImportOutcome> ImportAsync()
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false })
            {
                return _running;
            }

            Report(new FeedImportProgress(true, "Starting", 0, time.GetUtcNow(), Progress.Last));
            return _running = Task.Run(() => RunAsync(lifetime.ApplicationStopping));
        }
    }

    private async Task<FeedImportOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = Progress.StartedAt ?? time.GetUtcNow();
        FeedImportOutcome outcome;
        try
        {
            outcome = await ImportSourcesAsync(startedAt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Feed import failed");
            outcome = new FeedImportOutcome(time.GetUtcNow(), feed.CurrentSnapshotId, false, 0, 0, 0, 0, 0, ex.Message);
        }

        Report(new FeedImportProgress(false, null, 100, startedAt, outcome));
        return outcome;
    }

    private async Task<FeedImportOutcome> ImportSourcesAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var sources = options.CurrentValue.Sources.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToArray();
        var readable = new List<(FeedSourceStatus Status, string Path)>();
        var failed = 0;
        for (var i = 0; i < sources.Length; i++)
        {
            Report(Progress with { Stage = $"Reading {sources[i]} ({i + 1} of {sources.Length})", Percent = 50 * i / sources.Length });
            var status = new FeedSourceStatus { Source = sources[i], LastAttemptAt = startedAt };
            try
            {
                readable.Add(await LocateAsync(status, cancellationToken));
            }
            catch (Exception ex) when (ex is FeedImportException or IOException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failed++;
                logger.LogWarning("Feed source {Source} is unavailable: {Reason}", sources[i], ex.Message);
                await SaveFailureAsync(status, ex.Message, cancellationToken);
            }
        }

        if (readable.Count == 0)
        {
            if (sources.Length == 0)
            {
                logger.LogWarning("No feed sources are configured (Vigil:Feeds:Sources): scans match against {Snapshot}", feed.CurrentSnapshotId ?? "an empty feed");
            }

            return new FeedImportOutcome(time.GetUtcNow(), feed.CurrentSnapshotId, false, 0, 0, 0, 0, failed, null);
        }

        Report(Progress with { Stage = $"Importing advisories from {readable.Count} source(s)", Percent = 50 });
        FeedImportResult result;
        try
        {
            result = await feed.Store.ImportAsync(readable.Select(r => r.Path).ToArray(), cancellationToken: cancellationToken);
        }
        catch (FeedImportException ex)
        {
            logger.LogWarning("Feed import failed, the previous snapshot stays current: {Reason}", ex.Message);
            foreach (var (status, _) in readable)
            {
                await SaveFailureAsync(status, ex.Message, cancellationToken);
            }

            return new FeedImportOutcome(time.GetUtcNow(), feed.CurrentSnapshotId, false, 0, 0, 0, 0, failed + readable.Count, ex.Message);
        }

        var finishedAt = time.GetUtcNow();
        await SaveSuccessAsync(readable.Select((r, i) => r.Status with { LastSuccessAt = finishedAt, AdvisoryCount = result.PerSource[i] }).ToArray(), result, cancellationToken);
        if (result.Skipped.Count > 0)
        {
            logger.LogWarning("Feed import skipped {Count} malformed record(s), e.g. {File}: {Reason}", result.Skipped.Count, result.Skipped[0].File, result.Skipped[0].Reason);
        }

        logger.LogInformation(
            "Feed snapshot {Snapshot}{Unchanged}: {Total} advisories, +{Added} ~{Updated} -{Removed}",
            result.SnapshotId, result.Changed ? "" : " (unchanged)", result.Total, result.Added, result.Updated, result.Removed);
        return new FeedImportOutcome(
            time.GetUtcNow(), result.SnapshotId, result.Changed, result.Added, result.Updated, result.Removed, result.Skipped.Count, failed, null);
    }

    /// <summary>A local path for the source: the directory or file itself, or a URL's zip downloaded (or revalidated by ETag) into the store.</summary>
    private async Task<(FeedSourceStatus Status, string Path)> LocateAsync(FeedSourceStatus status, CancellationToken cancellationToken)
    {
        if (!HttpFeedDownloader.IsUrl(status.Source))
        {
            var path = configRoot.Resolve(status.Source);
            return File.Exists(path) || Directory.Exists(path)
                ? (status, path)
                : throw new FeedImportException($"{path} does not exist");
        }

        var http = httpClients.CreateClient(HttpClientName);
        var downloader = new HttpFeedDownloader(http, Path.Combine(feed.Store.Root, FeedSnapshotLayout.DownloadsFolder), FeedLimits.Default);
        var download = await downloader.DownloadAsync(status.Source, cancellationToken);
        return (status with { Etag = download.ETag, LastModified = download.LastModified }, download.Path);
    }

    private async Task SaveFailureAsync(FeedSourceStatus attempt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var previous = (await new FeedSourceLog(db).ListAsync([attempt.Source], cancellationToken))[0];
        await FeedSourceLog.SaveAsync(connection, null, db.Dialect, previous with { LastAttemptAt = attempt.LastAttemptAt, LastError = error }, cancellationToken);
    }

    private async Task SaveSuccessAsync(IReadOnlyList<FeedSourceStatus> statuses, FeedImportResult result, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var status in statuses)
        {
            await FeedSourceLog.SaveAsync(connection, transaction, db.Dialect, status with { LastError = null }, cancellationToken);
        }

        if (result.Changed)
        {
            await outbox.AppendAsync(connection, transaction, new FeedUpdated(result.SnapshotId, result.Added, result.Updated, result.Removed));
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
    }

    private void Report(FeedImportProgress progress)
    {
        Progress = progress;
        ProgressChanged?.Invoke();
    }
}
