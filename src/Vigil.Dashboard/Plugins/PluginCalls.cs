using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Dashboard.Plugins;

/// <summary>
/// The one way into plugin code: on a thread-pool thread (never a Blazor circuit's synchronization context), with a
/// time limit the plugin cannot ignore (a call that disregards its cancellation token is abandoned, not awaited),
/// and with failures turned into <see cref="PluginCallException"/>.
/// </summary>
public static class PluginCalls
{
    public static async Task<T> RunAsync<T>(string what, TimeSpan timeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var task = Task.Run(() => call(limit.Token), CancellationToken.None);
        try
        {
            return await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe a late failure
            throw new PluginCallException($"{what} did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PluginCallException($"{what} did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or PluginCallException))
        {
            throw new PluginCallException($"{what} failed: {Describe(ex)}", ex);
        }
    }

    /// <summary>A one-line reason. Plugins' own exception messages must not carry secrets (the SDK says so).</summary>
    public static string Describe(Exception ex) => ex switch
    {
        ConnectorSettingsException or RegistryException => ex.Message,
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Describe(inner),
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
