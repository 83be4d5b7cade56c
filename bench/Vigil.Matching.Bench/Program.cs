using System.Diagnostics;
using System.Globalization;
using Vigil.Matching.Bench;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Feeds;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Sbom;

// Usage: Vigil.Matching.Bench <feeds-dir> <work-dir>
// Prints import throughput and store size, store open time, and match times for 1,000 and 10,000 components
// (first run = cold: index files loaded, advisories parsed, code not yet optimised by the tiered JIT; then, after
// warm-up runs, the median of 15 steady-state runs as the console sees them), and writes
// sbom-1000.json for the end-to-end `vigil scan --sbom` timing in bench/matching.sh.
var feeds = args.Length > 0 ? args[0] : "../shared/feeds";
var work = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "vigil-bench");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

var store = new FeedStore(Path.Combine(work, "store"));
var clock = Stopwatch.StartNew();
var imported = await store.ImportAsync([feeds]);
var importSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
var storeBytes = new DirectoryInfo(store.Root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"import: {imported.Total} advisories in {importSeconds:0.00} s = {imported.Imported / importSeconds:0} advisories/s; store {storeBytes / 1024.0 / 1024.0:0.0} MiB"));

clock.Restart();
using (var probe = store.OpenCurrent()!)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open: {clock.Elapsed.TotalMilliseconds:0.0} ms"));
}

foreach (var count in new[] { 1_000, 10_000 })
{
    using var snapshot = store.OpenCurrent()!;
    var components = SyntheticSbom.Create(snapshot, count);
    using var fresh = store.OpenCurrent()!;
    clock.Restart();
    var cold = new Matcher(fresh).Match(components);
    var coldMs = clock.Elapsed.TotalMilliseconds;
    for (var run = 0; run < 30; run++)
    {
        _ = new Matcher(fresh).Match(components);
    }

    var warm = new List<double>();
    var cpuBefore = Environment.CpuUsage.TotalTime;
    for (var run = 0; run < 15; run++)
    {
        clock.Restart();
        _ = new Matcher(fresh).Match(components);
        warm.Add(clock.Elapsed.TotalMilliseconds);
    }

    var cpuPerRun = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds / 15;
    warm.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"match {components.Count} components: cold {coldMs:0.0} ms, warm median {warm[7]:0.0} ms (min {warm[0]:0.0}, max {warm[^1]:0.0}, cpu {cpuPerRun:0.0} ms/run); {cold.Findings.Count} findings, {cold.Unmatched.Count} unmatched"));
    if (count == 1_000)
    {
        File.WriteAllText(Path.Combine(work, "sbom-1000.json"), CycloneDxWriter.WriteToString(new SbomDocument("bench", null, components)));
    }
}
