using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Suspends until a scan finishes: resumed by the ScanCompleted or ScanFailed event whose correlation key is the scan id.
/// An event that arrives before the bookmark is stored is kept briefly by the engine and still resumes it.
/// </summary>
[Activity("Vigil.WaitForScan", "Scanning", "Wait for scan", Description = "Waits for a scan to complete or fail.", CanSuspend = true)]
[ActivityInput("scanId", ActivityValueType.String, Required = true, Description = "Usually activities.<startScan>.outputs.scanId.")]
[ActivityOutcomes(Completed, Failed)]
[ActivityOutput("event", ActivityValueType.Object, Description = "The ScanCompleted or ScanFailed payload.")]
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
            && type.ValueKind == JsonValueKind.String && type.GetString() == ScanFinishedEvents.Failed;
        context.Complete(failed ? Failed : Completed);
        return ValueTask.CompletedTask;
    }
}
