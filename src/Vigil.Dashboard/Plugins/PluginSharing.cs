using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;
using Vigil.Plugins.Sdk;

namespace Vigil.Dashboard.Plugins;

/// <summary>
/// Which assemblies a plugin shares with the console: the SDK and everything it builds on (the BCL and the
/// Microsoft.Extensions abstractions its contracts mention), plus any Microsoft.Extensions assembly a plugin ships
/// by mistake. Everything else a plugin brings stays private to its load context, so two plugins may carry
/// different versions of one library.
/// </summary>
public static class PluginSharing
{
    public static PluginConfig Configure(PluginConfig config, string folder)
    {
        config.PreferSharedTypes = false;
        config.IsUnloadable = false;
        config.SharedAssemblies.Add(typeof(IPluginStartup).Assembly.GetName());
        foreach (var file in Directory.EnumerateFiles(folder, "Microsoft.Extensions.*.dll"))
        {
            var name = new AssemblyName(Path.GetFileNameWithoutExtension(file));
            if (IsKnownToHost(name))
            {
                config.SharedAssemblies.Add(name);
            }
        }

        return config;
    }

    private static bool IsKnownToHost(AssemblyName name)
    {
        try
        {
            AssemblyLoadContext.Default.LoadFromAssemblyName(name);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
