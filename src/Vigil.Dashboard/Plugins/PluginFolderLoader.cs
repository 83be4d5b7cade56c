using System.Reflection;
using McMaster.NETCore.Plugins;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Plugins;

/// <summary>
/// Loads one plugin folder: reads <c>vigil-plugin.json</c> before touching any assembly, checks the SDK range, loads
/// the named assembly in its own load context (sharing only the SDK, the BCL it builds on and Microsoft.Extensions),
/// runs its <see cref="IPluginStartup"/> into a service provider of its own and checks that it registered a factory
/// for every connector type it declares. Any failure gives a <see cref="InstalledPlugin.Failed"/> with the reason.
/// </summary>
public sealed class PluginFolderLoader(PluginHostServices hostServices)
{
    public InstalledPlugin Load(string folder)
    {
        PluginManifest manifest;
        try
        {
            var path = Path.Combine(folder, PluginManifest.FileName);
            if (!File.Exists(path))
            {
                return InstalledPlugin.Failed(folder, null, $"no {PluginManifest.FileName} in the folder");
            }

            manifest = PluginManifestReader.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is PluginManifestException or IOException or UnauthorizedAccessException)
        {
            return InstalledPlugin.Failed(folder, null, ex.Message);
        }

        if (!manifest.Sdk.Includes(SdkVersion.Current))
        {
            return InstalledPlugin.Failed(folder, manifest,
                $"built for SDK {manifest.Sdk}, but this console provides SDK {SdkVersion.Current.ToString(3)}");
        }

        try
        {
            return InstalledPlugin.Loaded(folder, manifest, Start(folder, manifest));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return InstalledPlugin.Failed(folder, manifest, PluginCalls.Describe(ex));
        }
    }

    private IServiceProvider Start(string folder, PluginManifest manifest)
    {
        var assemblyPath = Path.GetFullPath(Path.Combine(folder, manifest.Assembly));
        if (!assemblyPath.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"assembly '{manifest.Assembly}' named by the manifest is not in the plugin folder");
        }

        var loader = new PluginLoader(PluginSharing.Configure(new PluginConfig(assemblyPath), folder));
        Assembly assembly;
        try
        {
            assembly = loader.LoadDefaultAssembly();
        }
        catch (BadImageFormatException ex)
        {
            throw new InvalidOperationException($"'{manifest.Assembly}' is not a valid .NET assembly ({ex.Message})", ex);
        }

        var startupTypes = ExportedTypes(assembly).Where(t => typeof(IPluginStartup).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToArray();
        if (startupTypes.Length != 1)
        {
            throw new InvalidOperationException(
                $"'{manifest.Assembly}' must contain exactly one public IPluginStartup class (found {startupTypes.Length}); " +
                "a plugin built against a different SDK assembly has none");
        }

        var startup = (IPluginStartup)Activator.CreateInstance(startupTypes[0])!;
        var services = hostServices.CreateCollection(manifest.Id);
        startup.ConfigureServices(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var declaration in manifest.Provides)
        {
            if (ConnectorKinds.Factory(provider, declaration) is null)
            {
                throw new InvalidOperationException(
                    $"the manifest declares {declaration.Kind} connector '{declaration.Type}' but the plugin registers no factory for it");
            }
        }

        return provider;
    }

    private static Type[] ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            throw new InvalidOperationException(
                $"types of '{assembly.GetName().Name}' cannot be loaded: {ex.LoaderExceptions.FirstOrDefault()?.Message}", ex);
        }
    }
}
