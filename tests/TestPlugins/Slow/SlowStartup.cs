using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk;

namespace Vigil.TestPlugins;

public sealed class SlowStartup : IPluginStartup
{
    // Longer than any test's start-up limit; the console must give up on it and start anyway.
    public void ConfigureServices(IServiceCollection services) => Thread.Sleep(TimeSpan.FromSeconds(30));
}
