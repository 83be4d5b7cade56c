namespace Vigil.Scanning.Sources;

/// <summary>Counts bytes read from a blob and reports them now and then; draining reads it to the end so wrapped
/// verifying streams check their digest.</summary>
public sealed class ProgressReadStream : ForwardOnlyReadStream
{
    private const long ReportEvery = 1024 * 1024;
    private readonly Stream _inner;
    private readonly Action<long> _report;
    private long _lastReport;

    /// <summary>Wraps <paramref name="inner"/>, calling <paramref name="report"/> with the total every MiB.</summary>
    public ProgressReadStream(Stream inner, Action<long> report)
    {
        _inner = inner;
        _report = report;
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        BytesRead += read;
        if (BytesRead - _lastReport >= ReportEvery)
        {
            _lastReport = BytesRead;
            _report(BytesRead);
        }

        return read;
    }

    /// <summary>Reads and discards the rest.</summary>
    public void Drain()
    {
        var buffer = new byte[81920];
        while (Read(buffer) > 0)
        {
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
