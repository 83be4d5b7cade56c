using System.Text.Json;
using Vigil.Workflows.Activities;
using Vigil.Workflows.Persistence;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// Resumes bookmarks exactly once: claims the instance, checks under the claim that the bookmark still exists, runs the
/// burst and deletes the bookmark in the burst's commit. Also keeps early events (stimuli) for bookmarks not yet stored.
/// </summary>
internal sealed class BookmarkResumer
{
    private readonly WorkflowDefinitionStore _definitions;
    private readonly WorkflowInstanceStore _instances;
    private readonly WorkflowBookmarkStore _bookmarks;
    private readonly BurstRunner _bursts;
    private readonly InstanceLeases _leases;
    private readonly TimeProvider _time;
    private readonly WorkflowEngineOptions _options;

    public BookmarkResumer(
        WorkflowDefinitionStore definitions,
        WorkflowInstanceStore instances,
        WorkflowBookmarkStore bookmarks,
        BurstRunner bursts,
        InstanceLeases leases,
        TimeProvider time,
        WorkflowEngineOptions options)
    {
        _definitions = definitions;
        _instances = instances;
        _bookmarks = bookmarks;
        _bursts = bursts;
        _leases = leases;
        _time = time;
        _options = options;
    }

    public async Task<ResumeResult> ResumeByIdAsync(string bookmarkId, JsonElement? payload, CancellationToken cancellationToken)
    {
        var bookmark = await _bookmarks.GetAsync(bookmarkId, cancellationToken);
        return bookmark is null ? ResumeResult.NotFound : await ResumeOneAsync(bookmark, payload, null, cancellationToken);
    }

    /// <summary>Resumes the bookmarks waiting for an event; optionally keeps the event when none waits yet.</summary>
    public async Task<int> ResumeAsync(
        string eventName, string? correlationKey, JsonElement? payload, bool keepIfUnmatched, CancellationToken cancellationToken)
    {
        var createdHere = new HashSet<string>(StringComparer.Ordinal);
        var resumed = await ResumePagesAsync(eventName, correlationKey, payload, createdHere, cancellationToken);
        if (resumed > 0 || !keepIfUnmatched || correlationKey is null)
        {
            return resumed;
        }

        // Nothing waits yet: the flow may still be running towards its wait (the scan finished first). Keep the event
        // briefly; whichever side deletes the kept row first uses it, so it resumes at most one bookmark.
        await _bookmarks.AddStimulusAsync(eventName, correlationKey, payload?.GetRawText(), _time.GetUtcNow() + _options.StimulusRetention, cancellationToken);
        var late = await _bookmarks.FindAsync(eventName, correlationKey, "", 1, cancellationToken);
        if (late.Count > 0 && await _bookmarks.TakeStimulusAsync(eventName, correlationKey, _time.GetUtcNow(), cancellationToken) is { } kept)
        {
            resumed += await ResumePagesAsync(eventName, correlationKey, Parse(kept), createdHere, cancellationToken);
        }

        return resumed;
    }

    public async Task<int> ResumeDueTimersAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resumed = 0;
        while (true)
        {
            var page = await _bookmarks.FindDueAsync(_time.GetUtcNow(), _options.ResumePageSize, cancellationToken);
            var fresh = page.Where(b => seen.Add(b.Id)).ToArray();
            if (fresh.Length == 0)
            {
                return resumed;
            }

            foreach (var bookmark in fresh)
            {
                var payload = JsonSerializer.SerializeToElement(new { firedAt = _time.GetUtcNow() });
                if (await ResumeOneAsync(bookmark, payload, null, cancellationToken) == ResumeResult.Resumed)
                {
                    resumed++;
                }
            }
        }
    }

    /// <summary>After a commit that stored bookmarks: resumes those whose event already arrived.</summary>
    public async Task ClaimEarlyStimuliAsync(IReadOnlyList<NewBookmark> created, CancellationToken cancellationToken)
    {
        foreach (var bookmark in created)
        {
            // Timers and approvals are resumed by id, never by a domain event that could arrive early.
            if (bookmark.Request.CorrelationKey is not { } key
                || bookmark.Request.EventName is TimerBookmarks.EventName or ApprovalActivity.EventName)
            {
                continue;
            }

            if (await _bookmarks.TakeStimulusAsync(bookmark.Request.EventName, key, _time.GetUtcNow(), cancellationToken) is { } payload)
            {
                await ResumeByIdAsync(bookmark.Id, Parse(payload), cancellationToken);
            }
        }
    }

    private async Task<int> ResumePagesAsync(
        string eventName, string? correlationKey, JsonElement? payload, HashSet<string> createdHere, CancellationToken cancellationToken)
    {
        var after = "";
        var resumed = 0;
        while (true)
        {
            var page = await _bookmarks.FindAsync(eventName, correlationKey, after, _options.ResumePageSize, cancellationToken);
            foreach (var bookmark in page)
            {
                after = bookmark.Id;

                // A flow that waits again for the same event gets a new bookmark; this event must not resume it too.
                if (!createdHere.Contains(bookmark.Id)
                    && await ResumeOneAsync(bookmark, payload, createdHere, cancellationToken) == ResumeResult.Resumed)
                {
                    resumed++;
                }
            }

            if (page.Count < _options.ResumePageSize)
            {
                return resumed;
            }
        }
    }

    private async Task<ResumeResult> ResumeOneAsync(
        StoredBookmark bookmark, JsonElement? payload, HashSet<string>? createdHere, CancellationToken cancellationToken)
    {
        var token = _leases.NewToken();
        if (!await _leases.AcquireAsync(bookmark.InstanceId, token, cancellationToken))
        {
            return await _bookmarks.GetAsync(bookmark.Id, cancellationToken) is null ? ResumeResult.NotFound : ResumeResult.Busy;
        }

        var committed = false;
        try
        {
            // Checked again under the lease: another engine may have consumed the bookmark while this one waited.
            if (await _bookmarks.GetAsync(bookmark.Id, cancellationToken) is null)
            {
                return ResumeResult.NotFound;
            }

            var instance = await _instances.GetAsync(bookmark.InstanceId, cancellationToken);
            if (instance is not { Status: WorkflowStatus.Suspended or WorkflowStatus.Running })
            {
                return ResumeResult.NotResumable;
            }

            var workflow = await _definitions.GetVersionAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
                ?? throw new InvalidOperationException($"Version {instance.DefinitionVersion} of '{instance.DefinitionId}' is missing.");
            var reference = instance.State.Bookmarks.FirstOrDefault(b => b.Id == bookmark.Id) ?? new BookmarkRef(bookmark.Id, bookmark.ActivityId);
            var created = await _bursts.RunAsync(workflow, instance, isNew: false, token, new ResumeSignal(reference, payload), cancellationToken);
            committed = true;
            foreach (var id in created.Select(b => b.Id))
            {
                createdHere?.Add(id);
            }

            await ClaimEarlyStimuliAsync(created, cancellationToken);
            return ResumeResult.Resumed;
        }
        finally
        {
            if (!committed)
            {
                await _leases.ReleaseAsync(bookmark.InstanceId, token);
            }
        }
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
