using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Plugins.Sdk;

/// <summary>
/// The one class per plugin the console looks for (public, with a parameterless constructor) in the assembly the
/// manifest names. It registers the plugin's connector factories, activities and own services.
/// </summary>
/// <remarks>
/// Each plugin gets its own service collection, pre-filled with the host services it may use:
/// <see cref="Registries.IRegistryClient"/>, <see cref="Hosting.IEnrollmentTokens"/>, <c>ILogger&lt;T&gt;</c> and
/// <c>IHttpClientFactory</c>, and <see cref="TimeProvider"/>. Nothing else of the console is visible to a plugin.
/// <c>ConfigureServices</c> runs once at start-up with a time limit; do no I/O in it.
/// </remarks>
public interface IPluginStartup
{
    /// <summary>Registers the plugin's services, e.g. <c>services.AddConnectorFactory&lt;IRegistryConnector, MyFactory&gt;("my-type")</c>.</summary>
    void ConfigureServices(IServiceCollection services);
}
