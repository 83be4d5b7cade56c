using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.TestPlugins;

// Compiled into two plugins that carry different Newtonsoft.Json versions. The connection test reports the version
// its own load context resolved and proves the library works by serializing; it also logs its settings (which must
// never reveal the secret) so the tests can look for leaks in the captured log.
public sealed class JsonVersionStartup : IPluginStartup
{
#if JSON_OLD
    public const string Type = "json-old";
#else
    public const string Type = "json-new";
#endif

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddConnectorFactory<INotificationChannel, JsonVersionFactory>(Type);
#if !JSON_OLD
        services.AddWorkflowActivity<JsonVersionActivity>();
#endif
    }
}

public sealed class JsonVersionFactory(ILogger<JsonVersionFactory> logger) : IConnectorFactory<INotificationChannel>
{
    public INotificationChannel Create(ConnectorSettings settings)
    {
        logger.LogInformation("Creating channel with settings {Settings}", settings);
        return new JsonVersionChannel(settings.GetString("label") ?? "");
    }
}

public sealed class JsonVersionChannel(string label) : INotificationChannel
{
    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ConnectionTestResult.Ok(
            $"Newtonsoft.Json {typeof(JsonConvert).Assembly.GetName().Version} {JsonConvert.SerializeObject(new { label })}"));

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}

#if !JSON_OLD
[Activity("Test.JsonVersion", "Test", "Json version")]
[ActivityOutput("version", ActivityValueType.String)]
public sealed class JsonVersionActivity : IWorkflowActivity
{
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        context.SetOutput("version", typeof(JsonConvert).Assembly.GetName().Version?.ToString());
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
#endif
