using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Load.Bench;
using Vigil.Matching.Bench;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Feeds;
using Vigil.Scanning.Sbom;

// Usage: Vigil.Load.Bench <console-url> <api-key> <console-pid> <feeds-dir> [agents=5000] [scans=50] [steady-seconds=60]
// Enrolls N simulated agents over HTTP, connects them to /hubs/agent, heartbeats every 30 s spread evenly, starts
// M scans at once answered with a pre-built 2,000-component SBOM, and prints the console's CPU and RSS with the
// latencies a live-UI client on /hubs/ui sees. Run it through bench/load.sh, which starts the console.
var console = new Uri(args[0].TrimEnd('/') + "/");
var apiKey = args[1];
var pid = int.Parse(args[2], CultureInfo.InvariantCulture);
var feeds = args[3];
var agentCount = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5000;
var scanCount = Math.Min(agentCount, args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 50);
var steady = TimeSpan.FromSeconds(args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 60);
var heartbeat = TimeSpan.FromSeconds(30);
using var stop = new CancellationTokenSource();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(10) };
using var admin = new HttpClient { BaseAddress = console, Timeout = TimeSpan.FromMinutes(5) };
admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
var sbom = await BuildSbomAsync(feeds);
Console.WriteLine($"SBOM: 2,000 components, {sbom.Length / 1024} KiB gzip");
await WaitForFeedAsync(admin);

await using var clock = new LoadClock(sbom);
await clock.ListenAsync(console, apiKey);
await using var sampler = new ProcessSampler(pid);
sampler.Start($"enroll {agentCount} agents (HTTP)");

var token = await (await admin.PostAsJsonAsync("api/v1/enrollment-tokens", new { description = "load bench", maxUses = agentCount })).EnsureSuccessStatusCode()
    .Content.ReadFromJsonAsync<JsonElement>();
var enrollments = new Latencies();
var agents = new SimulatedAgent[agentCount];
await Parallel.ForAsync(0, agentCount, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
{
    var started = Stopwatch.GetTimestamp();
    var name = $"bench-{i:D5}";
    var response = await http.PostAsJsonAsync(new Uri(console, "api/v1/agents/enroll"), new { token = token.GetProperty("token").GetString(), name }, ct);
    var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
    enrollments.Add(Stopwatch.GetElapsedTime(started));
    agents[i] = new SimulatedAgent(console, body.GetProperty("nodeId").GetString()!, name, body.GetProperty("credential").GetString()!, clock, http);
});

sampler.Phase($"connect {agentCount} agents + Hello");
var connects = new Latencies();
await Parallel.ForAsync(0, agentCount, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
{
    var started = Stopwatch.GetTimestamp();
    await agents[i].ConnectAsync(ct);
    connects.Add(Stopwatch.GetElapsedTime(started));
});
await Task.Delay(TimeSpan.FromSeconds(3)); // the last NodeOnline batches reach the UI

sampler.Phase($"steady: heartbeats every 30 s");
var heartbeats = new Latencies();
var beating = agents.Select((a, i) => a.HeartbeatAsync(heartbeat, heartbeat * i / agentCount, heartbeats, stop.Token)).ToArray();
await Task.Delay(steady);

sampler.Phase($"{scanCount} concurrent scans + heartbeats");
var scanned = agents.Take(scanCount).Select(a => a.NodeId).ToArray();
var accepted = await (await admin.PostAsJsonAsync("api/v1/scans", new { nodeIds = scanned })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
var scanIds = accepted.GetProperty("scans").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
while (clock.Completed.Count + clock.Failures.Count < scanIds.Length && DateTime.UtcNow < deadline)
{
    await Task.Delay(100);
}

var findings = 0;
foreach (var id in scanIds)
{
    var scan = await admin.GetFromJsonAsync<JsonElement>($"api/v1/scans/{id}");
    if (scan.GetProperty("status").GetString() != "complete")
    {
        clock.Fail($"scan {id} is {scan.GetProperty("status")} per GET /api/v1/scans/{id}");
    }
    else if (scan.TryGetProperty("summary", out var summary) && summary.TryGetProperty("total", out var total))
    {
        findings += total.GetInt32();
    }
}

sampler.Phase("end");
await stop.CancelAsync();
await Task.WhenAll(beating);

Console.WriteLine();
Console.WriteLine($"Console (pid {pid}) with {agentCount} agents and {scanCount} scans of 2,000 components; load average now {File.ReadAllText("/proc/loadavg").Trim()}");
foreach (var line in sampler.Report)
{
    Console.WriteLine("  " + line);
}

Console.WriteLine($"  RSS peak {sampler.PeakRssMiB} MiB");
Console.WriteLine($"  enrollment (HTTP, 8 parallel)            {enrollments.Describe()}");
Console.WriteLine($"  connect + Hello (32 parallel)            {connects.Describe()}");
Console.WriteLine($"  Hello → NodeOnline on /hubs/ui          {clock.Online.Describe()}");
Console.WriteLine($"  heartbeat round trip (steady + scans)   {heartbeats.Describe()}");
Console.WriteLine($"  ScanProgress → ScanProgressed on /hubs/ui {clock.Progress.Describe()}");
Console.WriteLine($"  SBOM upload start → ScanCompleted       {clock.UploadToFindings.Describe()}");
Console.WriteLine($"  scans complete per GET: {scanIds.Length - clock.Failures.Count(f => f.Contains("per GET", StringComparison.Ordinal))}/{scanIds.Length}, findings total {findings}");
foreach (var failure in clock.Failures.Take(10))
{
    Console.WriteLine("  FAILURE: " + failure);
}

await Parallel.ForEachAsync(agents, async (a, _) => await a.DisposeAsync());
return clock.Failures.Count == 0 ? 0 : 1;

static async Task<byte[]> BuildSbomAsync(string feeds)
{
    var work = Path.Combine(Path.GetTempPath(), $"vigil-load-{Environment.ProcessId}");
    try
    {
        var store = new FeedStore(work);
        await store.ImportAsync([feeds]);
        using var snapshot = store.OpenCurrent()!;
        var components = SyntheticSbom.Create(snapshot, 2000);
        var json = CycloneDxWriter.WriteToString(new SbomDocument("bench-host", null, components), "host");
        using var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Optimal))
        {
            await zip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json));
        }

        return gz.ToArray();
    }
    finally
    {
        Directory.Delete(work, recursive: true);
    }
}

static async Task WaitForFeedAsync(HttpClient admin)
{
    for (var deadline = DateTime.UtcNow.AddMinutes(10); DateTime.UtcNow < deadline; await Task.Delay(500))
    {
        var feed = await admin.GetFromJsonAsync<JsonElement>("api/v1/feed");
        if (feed.GetProperty("advisories").GetInt32() > 0)
        {
            Console.WriteLine($"console feed: {feed.GetProperty("advisories").GetInt32()} advisories");
            return;
        }
    }

    throw new TimeoutException("The console imported no feed within 10 minutes.");
}
