using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Sources;

public class DebootstrapImageTests
{
    [Fact]
    public async Task Debootstrap_rootfs_and_its_image_list_what_dpkg_query_lists_plus_Debian_python_packages()
    {
        Assert.SkipUnless(DebootstrapFixture.Ready, "debootstrap fixture not cached; set VIGIL_BUILD_SLOW_FIXTURES=1 to build it (minutes)");
        var expected = ProcessRunner.Run("dpkg-query", ["--admindir", Path.Combine(DebootstrapFixture.RootFs, "var/lib/dpkg"), "-W", "-f", "${Package} ${Version}\n"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        var cataloging = new Cataloging();

        var fromDirectory = cataloging.Run(new DirectoryFileTree(DebootstrapFixture.RootFs)).Document;
        using var image = await SourceOpener.OpenAsync(SourceTarget.Parse(DebootstrapFixture.DockerArchive), new SourceOptions(), cataloging.IsCandidate);
        var fromImage = cataloging.Run(image.Tree).Document;

        Assert.Equal(expected, fromDirectory.Components.Where(c => c.Ecosystem == "Debian").Select(c => $"{c.Name} {c.Version}").Order(StringComparer.Ordinal));
        Assert.Contains(fromDirectory.Components, c => c.Purl.StartsWith("pkg:pypi/urllib3@", StringComparison.Ordinal));
        Assert.Equal("debian-12", fromDirectory.OperatingSystem!.Distro);
        Assert.Equal(fromDirectory.Components.Select(ImageSourceTests.Describe), fromImage.Components.Select(ImageSourceTests.Describe));
    }
}
