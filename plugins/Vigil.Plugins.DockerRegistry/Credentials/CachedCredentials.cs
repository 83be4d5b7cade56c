namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>Reuses an exchanged login until five minutes before it expires, so listings do not exchange per request.</summary>
internal sealed class CachedCredentials(ICredentialSource inner, TimeProvider time) : ICredentialSource
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IssuedLogin? _current;

    public async Task<IssuedLogin> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null || (_current.ExpiresAt is { } expires && expires - Margin <= time.GetUtcNow()))
            {
                _current = await inner.GetAsync(cancellationToken);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }
}
