namespace Vigil.Scanning.Sources;

/// <summary>
/// A cap on how many bytes may be read from a stream (decompressed layers, manifests, token responses): reading past
/// it throws a <see cref="SourceException"/> naming what overflowed, rather than truncating silently.
/// </summary>
public sealed class BoundedReadStream : ForwardOnlyReadStream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly string _what;
    private readonly bool _leaveOpen;

    private BoundedReadStream(Stream inner, long limit, string what, bool leaveOpen)
    {
        _inner = inner;
        _limit = limit;
        _what = what;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <summary>Reading more than <paramref name="limit"/> bytes of <paramref name="inner"/> throws.</summary>
    public static BoundedReadStream Cap(Stream inner, long limit, string what, bool leaveOpen = false) => new(inner, limit, what, leaveOpen);

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var remaining = _limit - BytesRead;
        if (remaining <= 0)
        {
            // Exactly at the cap is fine; one more byte available means the content is larger than allowed.
            if (buffer.Length > 0 && _inner.Read(buffer[..1]) > 0)
            {
                throw new SourceException(_what, $"more than {_limit} bytes (limit exceeded: decompression bomb or oversized content)");
            }

            return 0;
        }

        var read = _inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        BytesRead += read;
        return read;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
