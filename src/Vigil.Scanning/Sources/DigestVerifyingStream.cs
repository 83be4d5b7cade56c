using System.Security.Cryptography;

namespace Vigil.Scanning.Sources;

/// <summary>
/// Hashes a blob while it is read and, at its end, compares the digest with the one the manifest promised
/// (<c>sha256:HEX</c>); a mismatch or a blob longer or shorter than promised throws, so content from a tampered or
/// truncated blob is never trusted past its end.
/// </summary>
public sealed class DigestVerifyingStream : ForwardOnlyReadStream
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
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Account(buffer, _inner.Read(buffer));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken);
        return Account(buffer.Span, read);
    }

    private int Account(ReadOnlySpan<byte> buffer, int read)
    {
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
