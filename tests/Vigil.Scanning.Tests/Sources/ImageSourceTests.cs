using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Sources;

public class ImageSourceTests
{
    public static TheoryData<string> Targets => new()
    {
        "oci-dir:{oci}",
        "oci-dir:{zstd}",
        "docker-archive:{docker}",
        "oci-archive:{ociarchive}",
        "{docker}",
        "{ociarchive}",
        "{oci}",
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Image_built_with_umoci_and_skopeo_yields_what_a_scan_of_its_merged_tree_yields(string pattern)
    {
        Assert.SkipUnless(ContainerImageFixture.Available, "needs umoci, skopeo and npm");
        var target = pattern
            .Replace("{oci}", ContainerImageFixture.OciLayout, StringComparison.Ordinal)
            .Replace("{zstd}", ContainerImageFixture.ZstdLayout, StringComparison.Ordinal)
            .Replace("{docker}", ContainerImageFixture.DockerArchive, StringComparison.Ordinal)
            .Replace("{ociarchive}", ContainerImageFixture.OciArchive, StringComparison.Ordinal);
        var cataloging = new Cataloging();
        var expected = cataloging.Run(new DirectoryFileTree(ContainerImageFixture.ExpectedRoot)).Document;
        using var temp = new Support.TempDirectory();

        using (var source = await SourceOpener.OpenAsync(SourceTarget.Parse(target), new SourceOptions { TempDirectory = temp.Path }, cataloging.IsCandidate))
        {
            var actual = cataloging.Run(source.Tree).Document;

            Assert.Equal(expected.Components.Select(Describe), actual.Components.Select(Describe));
            Assert.Equal(expected.OperatingSystem, actual.OperatingSystem);
            Assert.True(expected.Components.Count > 100, "the fixture holds the host's dpkg packages");
            Assert.DoesNotContain(actual.Components, c => c.Name == "minimist" && c.Locations.Contains(ContainerImageFixture.WhitedOut));
            Assert.Contains(actual.Components, c => c.Name == "lodash" && c.Locations.Contains("srv/app/node_modules/lodash/package.json"));
        }

        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Platform_missing_from_the_index_is_an_error_listing_what_there_is()
    {
        Assert.SkipUnless(ContainerImageFixture.Available, "needs umoci, skopeo and npm");
        using var temp = new Support.TempDirectory();
        var copy = Path.Combine(temp.Path, "layout");
        CopyDirectory(ContainerImageFixture.OciLayout, copy);
        // umoci writes no platform into index.json; give the entry one so selection has something to refuse.
        var index = File.ReadAllText(Path.Combine(copy, "index.json"));
        File.WriteAllText(Path.Combine(copy, "index.json"), index.Replace("\"annotations\"", "\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"},\"annotations\"", StringComparison.Ordinal));

        var options = new SourceOptions { Platform = ImagePlatform.Parse("linux/arm64") };
        var error = await Assert.ThrowsAsync<SourceException>(() => SourceOpener.OpenAsync(new SourceTarget(SourceKind.OciDirectory, copy), options, _ => true));

        Assert.Contains("no manifest for platform linux/arm64 (has: linux/amd64)", error.Message, StringComparison.Ordinal);
    }

    internal static string Describe(Vigil.Scanning.Sbom.Component c) => $"{c.Purl} {c.SourceName} {c.SourceVersion} {string.Join(',', c.Locations)}";

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
