using System.Collections.Concurrent;
using System.Globalization;

namespace Vigil.Load.Bench;

/// <summary>A thread-safe bag of durations in milliseconds with nearest-rank percentiles.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentBag<double> _samples = [];

    public int Count => _samples.Count;

    public void Add(TimeSpan elapsed) => _samples.Add(elapsed.TotalMilliseconds);

    public string Describe()
    {
        var sorted = _samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0} ms, p99 {At(0.99):0} ms, max {sorted[^1]:0} ms (n={sorted.Length})");
    }
}
