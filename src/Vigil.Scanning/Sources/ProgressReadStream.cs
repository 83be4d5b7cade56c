namespace Vigil.Scanning.Sources;

/// <summary>Counts bytes read from a blob and reports them now and then; draining reads it to the end so wrapped
/// verifying streams check their digest.</summary>
public sealed class ProgressReadStream : Stream
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
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
