using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk;

namespace Vigil.TestPlugins;

public sealed class ThrowingStartup : IPluginStartup
{
    public ThrowingStartup() => throw new InvalidOperationException("test plugin refuses to start");

    public void ConfigureServices(IServiceCollection services)
    {
    }
}
