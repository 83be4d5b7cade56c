using Vigil.Testing;

namespace Vigil.Plugins.Tests;

/// <summary>A temporary plugins directory assembled from built plugin folders, plus deliberately broken ones.</summary>
public sealed class PluginFolders : IDisposable
{
    private readonly TempDirectory _root = new("vigil-plugins");

    public string Path => _root.Path;

    /// <summary>Copies a folder built into <c>tests/TestPlugins/bin</c> or <c>plugins/bin</c>.</summary>
    public PluginFolders AddBuilt(string id, string? asFolder = null)
    {
        var source = new[] { RepoPaths.Combine("tests", "TestPlugins", "bin", id), RepoPaths.Combine("plugins", "bin", id) }.FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException($"plugin {id} is not built (dotnet build the solution)");
        var target = System.IO.Path.Combine(Path, asFolder ?? id);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return this;
    }

    /// <summary>Replaces a copied folder's manifest text.</summary>
    public PluginFolders EditManifest(string folder, Func<string, string> edit)
    {
        var path = System.IO.Path.Combine(Path, folder, "vigil-plugin.json");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return this;
    }

    /// <summary>A folder whose manifest is valid but whose assembly is not a .NET assembly.</summary>
    public PluginFolders AddCorrupt(string id)
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(Path, id)).FullName;
        File.WriteAllText(System.IO.Path.Combine(folder, "vigil-plugin.json"),
            $$"""{ "id": "{{id}}", "name": "Corrupt", "version": "1.0.0", "sdk": "^1.0", "assembly": "Corrupt.dll" }""");
        File.WriteAllBytes(System.IO.Path.Combine(folder, "Corrupt.dll"), [0x4D, 0x5A, .. Enumerable.Repeat((byte)0x17, 4000)]);
        return this;
    }

    public void Dispose() => _root.Dispose();
}
