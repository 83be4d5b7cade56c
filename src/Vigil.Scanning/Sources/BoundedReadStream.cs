namespace Vigil.Scanning.Sources;

/// <summary>
/// A read-only window over another stream: either a fixed slice of a seekable file (a blob inside a tar) or a cap on
/// how many bytes may be read at all (decompression bombs). Reading past a cap throws rather than truncating silently.
/// </summary>
public sealed class BoundedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _start;
    private readonly long _length;
    private readonly bool _throwAtLimit;
    private readonly string _what;
    private readonly bool _leaveOpen;
    private long _position;

    /// <summary>A slice <paramref name="start"/>..+<paramref name="length"/> of a seekable stream.</summary>
    public static BoundedReadStream Slice(Stream inner, long start, long length, string what) => new(inner, start, length, false, what, false);

    /// <summary>A cap: reading more than <paramref name="limit"/> bytes of <paramref name="inner"/> throws a <see cref="SourceException"/>.</summary>
    public static BoundedReadStream Cap(Stream inner, long limit, string what, bool leaveOpen = false) => new(inner, -1, limit, true, what, leaveOpen);

    private BoundedReadStream(Stream inner, long start, long length, bool throwAtLimit, string what, bool leaveOpen)
    {
        _inner = inner;
        _start = start;
        _length = length;
        _throwAtLimit = throwAtLimit;
        _what = what;
        _leaveOpen = leaveOpen;
        if (start >= 0)
        {
            inner.Position = start;
        }
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _position;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => _start >= 0;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _start >= 0 ? _length : throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set
        {
            if (_start < 0)
            {
                throw new NotSupportedException();
            }

            _position = Math.Clamp(value, 0, _length);
            _inner.Position = _start + _position;
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var remaining = _length - _position;
        if (remaining <= 0)
        {
            if (_throwAtLimit && buffer.Length > 0 && _inner.Read(buffer[..1]) > 0)
            {
                throw new SourceException(_what, $"more than {_length} bytes (limit exceeded: decompression bomb or oversized content)");
            }

            return 0;
        }

        var read = _inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        _position += read;
        return read;
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

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
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
