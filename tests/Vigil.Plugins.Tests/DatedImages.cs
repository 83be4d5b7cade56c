using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>
/// Copies of the real container image fixture that differ only in the config's <c>created</c> date (set with
/// <c>umoci config</c>), pushed to a registry fixture: the registry's tags then have distinct digests and push dates.
/// </summary>
public static class DatedImages
{
    public static bool Available => RegistryServerFixture.Available && ContainerImageFixture.Available;

    /// <summary>Pushes <c>repository:tag</c> for each entry, with that creation date.</summary>
    public static void Push(RegistryServerFixture registry, params (string RepositoryAndTag, DateTimeOffset Created)[] images)
    {
        using var work = new TempDirectory("vigil-dated-images");
        var layout = Path.Combine(work.Path, "oci");
        CopyTree(ContainerImageFixture.OciLayout, layout);
        var n = 0;
        foreach (var (repositoryAndTag, created) in images)
        {
            var tag = $"t{n++}";
            FixtureCache.Run(work.Path, "umoci", "config", "--image", $"{layout}:test", "--created", created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "--tag", tag);
            registry.Push($"oci:{layout}:{tag}", repositoryAndTag);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
