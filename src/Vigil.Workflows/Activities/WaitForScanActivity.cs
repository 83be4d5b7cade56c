using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Suspends until a scan finishes: resumed by the ScanCompleted, ScanFailed or ScanCancelled event whose correlation key
/// is the scan id; a cancelled scan continues along Failed (the event's type tells them apart).
/// An event that arrives before the bookmark is stored is kept briefly by the engine and still resumes it.
/// </summary>
[Activity("Vigil.WaitForScan", "Scanning", "Wait for scan", Description = "Waits for a scan to complete or fail.", CanSuspend = true)]
[ActivityInput("scanId", ActivityValueType.String, Required = true, Description = "Usually activities.<startScan>.outputs.scanId.")]
[ActivityOutcomes(Completed, Failed)]
[ActivityOutput("event", ActivityValueType.Object, Description = "The ScanCompleted, ScanFailed or ScanCancelled payload.")]
public sealed class WaitForScanActivity : IWorkflowActivity
{
    /// <summary>Outcome of a completed scan.</summary>
    public const string Completed = "Completed";

    /// <summary>Outcome of a failed scan.</summary>
    public const string Failed = "Failed";

    /// <summary>Bookmark event name; the engine maps both scan events onto it.</summary>
    public const string EventName = "Vigil.ScanFinished";

    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsResuming)
        {
            var scanId = context.GetInput<string>("scanId");
            if (string.IsNullOrWhiteSpace(scanId))
            {
                throw new InvalidOperationException("Wait for scan needs a scanId.");
            }

            context.CreateBookmark(new BookmarkRequest(EventName, scanId));
            return ValueTask.CompletedTask;
        }

        var payload = context.ResumePayload;
        context.SetOutput("event", payload);
        var failed = payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String && type.GetString() is ScanFinishedEvents.Failed or ScanFinishedEvents.Cancelled;
        context.Complete(failed ? Failed : Completed);
        return ValueTask.CompletedTask;
    }
}
