using System.Globalization;

namespace Vigil.Load.Bench;

/// <summary>
/// Samples the console process from /proc once a second: CPU time (utime + stime) per phase and resident memory
/// (current and peak), so the figures are the console's own, not the load generator's.
/// </summary>
internal sealed class ProcessSampler(int pid) : IAsyncDisposable
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _peakRssKb;
    private (string Name, double CpuSeconds, DateTime At) _phase;
    private readonly List<string> _report = [];

    public IReadOnlyList<string> Report => _report;

    public void Start(string phase)
    {
        _phase = (phase, CpuSeconds(), DateTime.UtcNow);
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled))
            {
                _peakRssKb = Math.Max(_peakRssKb, RssKb());
            }
        });
    }

    /// <summary>Closes the current phase (CPU % of one core, RSS now) and opens the next.</summary>
    public void Phase(string next)
    {
        var (cpu, now, rss) = (CpuSeconds(), DateTime.UtcNow, RssKb());
        var wall = (now - _phase.At).TotalSeconds;
        _report.Add(string.Create(CultureInfo.InvariantCulture,
            $"{_phase.Name,-34} {wall,7:0.0} s  CPU {cpu - _phase.CpuSeconds,7:0.0} s = {100 * (cpu - _phase.CpuSeconds) / wall,5:0}% of a core  RSS at end {rss / 1024,5} MiB"));
        _phase = (next, cpu, now);
    }

    public long PeakRssMiB => Math.Max(_peakRssKb, HighWaterKb()) / 1024;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private double CpuSeconds()
    {
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private long RssKb() => StatusField("VmRSS:");

    private long HighWaterKb() => StatusField("VmHWM:");

    private long StatusField(string name)
    {
        if (!File.Exists($"/proc/{pid}/status"))
        {
            return 0; // the console exited; the bench reports the failure that follows
        }

        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
