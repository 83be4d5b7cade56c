namespace Vigil.Scanning.Sources;

/// <summary>Replays bytes already read (to sniff a format) before the rest of a non-seekable stream.</summary>
public sealed class PrefixedStream : ForwardOnlyReadStream
{
    private readonly ReadOnlyMemory<byte> _prefix;
    private readonly Stream _rest;
    private int _prefixUsed;

    /// <summary>Reads <paramref name="prefix"/>, then <paramref name="rest"/>.</summary>
    public PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest)
    {
        _prefix = prefix;
        _rest = rest;
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_prefixUsed < _prefix.Length)
        {
            var n = Math.Min(buffer.Length, _prefix.Length - _prefixUsed);
            _prefix.Span.Slice(_prefixUsed, n).CopyTo(buffer);
            _prefixUsed += n;
            return n;
        }

        return _rest.Read(buffer);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
