using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Core.Storage;
using Vigil.Workflows;
using Vigil.Workflows.Model;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;

// Usage: dotnet run -c Release --project bench/Vigil.Workflows.Bench [instances=2000] [latencySamples=500] [burst=10000]
var instances = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
var burst = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var root = Path.Combine(Path.GetTempPath(), "vigil-wf-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
Console.WriteLine($"SQLite under {root}; {Environment.ProcessorCount} cores");

try
{
    {
        // Elsa users report a slow first execution: time the very first start of a fresh engine (JIT, Jint, pools).
        var cold = Stopwatch.StartNew();
        var (runtime, definitions, _) = Engine(Path.Combine(root, "cold.db"), JournalCommitMode.Batched);
        await definitions.PublishAsync(FiveActivities());
        var published = cold.Elapsed;
        await runtime.StartAsync("five", JsonSerializer.SerializeToElement(new { count = 1 }));
        Console.WriteLine($"cold start: engine + first publish {published.TotalMilliseconds:N0} ms, first instance {(cold.Elapsed - published).TotalMilliseconds:N0} ms");
    }

    foreach (var mode in new[] { JournalCommitMode.Batched, JournalCommitMode.PerActivity })
    {
        var (runtime, definitions, _) = Engine(Path.Combine(root, $"throughput-{mode}.db"), mode);
        await definitions.PublishAsync(FiveActivities());
        for (var i = 0; i < 50; i++)
        {
            await runtime.StartAsync("five"); // warm-up: JIT, pools, caches
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < instances; i++)
        {
            await runtime.StartAsync("five", JsonSerializer.SerializeToElement(new { count = i }));
        }

        stopwatch.Stop();
        Console.WriteLine($"5-activity flow, journal {mode}, sequential: {instances / stopwatch.Elapsed.TotalSeconds:N0} instances/s ({instances} in {stopwatch.Elapsed.TotalMilliseconds:N0} ms)");

        // Events arrive concurrently in a console; SQLite serializes the commits, execution overlaps.
        stopwatch.Restart();
        await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await runtime.StartAsync("five", JsonSerializer.SerializeToElement(new { count = i })));
        stopwatch.Stop();
        Console.WriteLine($"5-activity flow, journal {mode}, 4 concurrent starters: {instances / stopwatch.Elapsed.TotalSeconds:N0} instances/s");
    }

    {
        var (runtime, definitions, _) = Engine(Path.Combine(root, "latency.db"), JournalCommitMode.Batched);
        await definitions.PublishAsync(WaitForScan("wait"));
        var latencies = new List<double>();
        for (var i = 0; i < samples + 20; i++)
        {
            var scanId = $"scan-{i}";
            await runtime.StartAsync("wait", JsonSerializer.SerializeToElement(new { scanId }));
            var stopwatch = Stopwatch.StartNew();
            var result = await runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", $"evt-{i}", scanId, JsonSerializer.SerializeToElement(new { scanId })));
            stopwatch.Stop();
            if (result.ResumedBookmarks != 1)
            {
                throw new InvalidOperationException($"event {i} resumed {result.ResumedBookmarks} bookmarks");
            }

            if (i >= 20)
            {
                latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        latencies.Sort();
        Console.WriteLine($"event -> resumed and committed bookmark ({samples} samples): p50 {Percentile(latencies, 0.50):N2} ms, p99 {Percentile(latencies, 0.99):N2} ms, max {latencies[^1]:N2} ms");
    }

    {
        var (runtime, definitions, bookmarkStore) = Engine(Path.Combine(root, "burst.db"), JournalCommitMode.Batched);
        await definitions.PublishAsync(WaitForScan("burst", fixedScanId: "the-scan"));
        var prepare = Stopwatch.StartNew();
        for (var i = 0; i < burst; i++)
        {
            await runtime.StartAsync("burst");
        }

        Console.WriteLine($"{burst:N0} instances suspended in {prepare.Elapsed.TotalSeconds:N1} s");
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        var stopwatch = Stopwatch.StartNew();
        var result = await runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "burst-event", "the-scan", JsonSerializer.SerializeToElement(new { scanId = "the-scan" })));
        stopwatch.Stop();
        process.Refresh();
        var left = (await bookmarkStore.ListAsync(null, null, take: 10)).Count;
        Console.WriteLine(
            $"one event resumed {result.ResumedBookmarks:N0} suspended instances in {stopwatch.Elapsed.TotalSeconds:N1} s " +
            $"({result.ResumedBookmarks / stopwatch.Elapsed.TotalSeconds:N0}/s); bookmarks left {left}; managed heap {before / 1048576.0:N0} -> {GC.GetTotalMemory(false) / 1048576.0:N0} MiB; " +
            $"peak working set {peakBefore / 1048576.0:N0} -> {process.PeakWorkingSet64 / 1048576.0:N0} MiB");
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

static (IWorkflowRuntime Runtime, WorkflowDefinitionStore Definitions, WorkflowBookmarkStore Bookmarks) Engine(string path, JournalCommitMode mode)
{
    var services = new ServiceCollection();
    // The SQLite file exactly as the console opens and migrates it.
    new DatabaseMigrator(DatabaseSettings.ForSqliteFile(path), NullLogger<DatabaseMigrator>.Instance, NullLoggerFactory.Instance).Migrate();
    services.AddSingleton<IDbConnectionFactory>(new SqliteConnectionFactory(path));
    services.AddVigilWorkflows(o => o.JournalCommitMode = mode);
    var provider = services.BuildServiceProvider();
    return (provider.GetRequiredService<IWorkflowRuntime>(), provider.GetRequiredService<WorkflowDefinitionStore>(), provider.GetRequiredService<WorkflowBookmarkStore>());
}

static WorkflowDefinition FiveActivities() => new()
{
    Id = "five",
    Name = "five",
    Variables = [new VariableDefinition("total", "number", JsonSerializer.SerializeToElement(0))],
    Activities =
    [
        new ActivityNode("start", "Vigil.Manual"),
        new ActivityNode("set", "Vigil.SetVariable", new Dictionary<string, ActivityInput> { ["name"] = ActivityInput.Literal("total"), ["value"] = ActivityInput.Literal(5) }),
        new ActivityNode("route", "Vigil.Switch", new Dictionary<string, ActivityInput> { ["value"] = ActivityInput.Literal("a"), ["cases"] = ActivityInput.Literal(new[] { "a", "b" }) }),
        new ActivityNode("log", "Vigil.Log", new Dictionary<string, ActivityInput> { ["message"] = ActivityInput.Literal("routed"), ["level"] = ActivityInput.Literal("debug") }),
        new ActivityNode("end", "Vigil.SetVariable", new Dictionary<string, ActivityInput> { ["name"] = ActivityInput.Literal("done"), ["value"] = ActivityInput.Literal(true) }),
    ],
    Connections = [new("start", "Done", "set"), new("set", "Done", "route"), new("route", "a", "log"), new("log", "Done", "end")],
};

static WorkflowDefinition WaitForScan(string id, string? fixedScanId = null) => new()
{
    Id = id,
    Name = id,
    Activities =
    [
        new ActivityNode("start", "Vigil.Manual"),
        new ActivityNode("wait", "Vigil.WaitForScan", new Dictionary<string, ActivityInput>
        {
            ["scanId"] = fixedScanId is null ? ActivityInput.Js("input.scanId") : ActivityInput.Literal(fixedScanId),
        }),
        new ActivityNode("after", "Vigil.Log", new Dictionary<string, ActivityInput> { ["message"] = ActivityInput.Literal("scanned"), ["level"] = ActivityInput.Literal("debug") }),
    ],
    Connections = [new("start", "Done", "wait"), new("wait", "Completed", "after")],
};

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
