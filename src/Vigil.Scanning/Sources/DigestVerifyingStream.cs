using System.Security.Cryptography;

namespace Vigil.Scanning.Sources;

/// <summary>
/// Hashes a blob while it is read and, at its end, compares the digest with the one the manifest promised
/// (<c>sha256:HEX</c>); a mismatch or a blob longer or shorter than promised throws, so content from a tampered or
/// truncated blob is never trusted past its end.
/// </summary>
public sealed class DigestVerifyingStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly string _expectedHex;
    private readonly long _expectedSize;
    private readonly string _what;
    private long _read;
    private bool _verified;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="expectedSize"/> may be -1 when unknown.</summary>
    public DigestVerifyingStream(Stream inner, string digest, long expectedSize, string what)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || digest.Length != 71)
        {
            throw new SourceException(what, $"unsupported or malformed digest '{digest}' (only sha256 is accepted)");
        }

        _inner = inner;
        _expectedHex = digest[7..].ToLowerInvariant();
        _expectedSize = expectedSize;
        _what = what;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        if (read > 0)
        {
            _hash.AppendData(buffer[..read]);
            _read += read;
            if (_expectedSize >= 0 && _read > _expectedSize)
            {
                throw new SourceException(_what, $"blob is longer than the {_expectedSize} bytes its descriptor declares");
            }
        }
        else if (buffer.Length > 0)
        {
            Verify();
        }

        return read;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            _hash.AppendData(buffer.Span[..read]);
            _read += read;
            if (_expectedSize >= 0 && _read > _expectedSize)
            {
                throw new SourceException(_what, $"blob is longer than the {_expectedSize} bytes its descriptor declares");
            }
        }
        else if (buffer.Length > 0)
        {
            Verify();
        }

        return read;
    }

    /// <summary>Reads what is left (decompressors may stop before the end) and checks the digest.</summary>
    public void DrainAndVerify()
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
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Verify()
    {
        if (_verified)
        {
            return;
        }

        _verified = true;
        if (_expectedSize >= 0 && _read != _expectedSize)
        {
            throw new SourceException(_what, $"blob is truncated: {_read} of {_expectedSize} bytes");
        }

        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (actual != _expectedHex)
        {
            throw new SourceException(_what, $"digest mismatch: content is sha256:{actual}");
        }
    }
}
