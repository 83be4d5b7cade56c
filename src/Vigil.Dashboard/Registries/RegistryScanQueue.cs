using System.Threading.Channels;

namespace Vigil.Dashboard.Registries;

/// <summary>Image scans waiting for the <see cref="RegistryScanWorker"/>; small records, so unbounded (the scans table bounds them: one per node).</summary>
public sealed class RegistryScanQueue
{
    private readonly Channel<RegistryScanJob> _jobs = Channel.CreateUnbounded<RegistryScanJob>();

    public void Enqueue(RegistryScanJob job) => _jobs.Writer.TryWrite(job);

    public ChannelReader<RegistryScanJob> Reader => _jobs.Reader;
}
