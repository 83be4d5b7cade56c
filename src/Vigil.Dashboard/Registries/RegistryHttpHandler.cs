namespace Vigil.Dashboard.Registries;

/// <summary>The one socket pool the console's image pulls share (clients are per scan: credentials never cross).</summary>
public sealed class RegistryHttpHandler : IDisposable
{
    public HttpMessageHandler Handler { get; } = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    public void Dispose() => Handler.Dispose();
}
