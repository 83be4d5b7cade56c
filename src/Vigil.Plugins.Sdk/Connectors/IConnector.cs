namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>
/// What every connector can do: check that its settings reach the system it connects to. The console calls it for
/// "Test connection" on the Integrations page, on a background thread and with a timeout.
/// </summary>
/// <remarks>
/// A connector is built per configured instance by its <see cref="IConnectorFactory{T}"/>. The console may keep it for
/// a while and call it concurrently, so make it thread-safe; if it implements <see cref="IDisposable"/> or
/// <see cref="IAsyncDisposable"/> the console disposes it when the instance is changed, removed or the console stops.
/// </remarks>
public interface IConnector
{
    /// <summary>
    /// Contacts the remote system with the configured settings and reports whether it works. Return a failed result
    /// (rather than throw) for an expected problem such as wrong credentials; a thrown exception is shown as a failure too.
    /// Never put a secret in the message.
    /// </summary>
    Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken);
}
