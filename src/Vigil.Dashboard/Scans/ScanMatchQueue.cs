using System.Threading.Channels;

namespace Vigil.Dashboard.Scans;

/// <summary>
/// The bounded queue between uploads (request threads) and the matching worker: an upload returns as soon as its job
/// is queued, and when matching falls behind, uploads wait for room instead of piling SBOMs up in memory.
/// </summary>
public sealed class ScanMatchQueue
{
    public const int Capacity = 64;

    private readonly Channel<MatchJob> _jobs = Channel.CreateBounded<MatchJob>(new BoundedChannelOptions(Capacity) { SingleReader = false });

    public ValueTask EnqueueAsync(MatchJob job, CancellationToken cancellationToken) => _jobs.Writer.WriteAsync(job, cancellationToken);

    public ChannelReader<MatchJob> Reader => _jobs.Reader;
}
