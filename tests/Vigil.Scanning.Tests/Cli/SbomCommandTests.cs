using Vigil.Cli.Commands;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Tests.Support;
using Vigil.Testing.Fixtures;

using Vigil.Scanning.Tests.CycloneDx;

namespace Vigil.Scanning.Tests.Cli;

public class SbomCommandTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(SbomRequest request)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SbomCommand.RunAsync(request, stdout, stderr, showProgress: false, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Directory_scan_writes_CycloneDX_to_stdout_and_nothing_to_stderr_in_a_pipe()
    {
        using var root = new TempDirectory();
        root.Write("etc/os-release", "ID=debian\nVERSION_ID=12\n");
        root.Write("var/lib/dpkg/status", "Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\n\n");

        var (exit, stdout, stderr) = await RunAsync(new SbomRequest($"dir:{root.Path}", "cyclonedx", null, [], null, false));

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var read = CycloneDxReader.Read(stdout);
        var zlib = Assert.Single(read.Document.Components);
        Assert.Equal("pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12&epoch=1", zlib.Purl);
        Assert.Equal("zlib", zlib.SourceName);
        Assert.Equal($"dir:{root.Path}", read.Document.TargetName);
    }

    [Fact]
    public async Task Table_format_to_a_file_lists_each_package()
    {
        using var root = new TempDirectory();
        root.Write("app/package-lock.json", """{"lockfileVersion":3,"packages":{"node_modules/lodash":{"version":"4.17.20"}}}""");
        var output = new FileInfo(Path.Combine(root.Path, "out", "sbom.txt"));
        Directory.CreateDirectory(output.DirectoryName!);

        var (exit, stdout, _) = await RunAsync(new SbomRequest(Path.Combine(root.Path, "app"), "table", output, [], null, false));

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        var table = File.ReadAllLines(output.FullName);
        Assert.StartsWith("NAME", table[0], StringComparison.Ordinal);
        Assert.Contains(table, line => line.StartsWith("lodash", StringComparison.Ordinal) && line.Contains("4.17.20", StringComparison.Ordinal));
        Assert.Equal("1 packages", table[^1]);
    }

    [Fact]
    public async Task Skip_dirs_are_not_walked()
    {
        using var root = new TempDirectory();
        root.Write("keep/requirements.txt", "flask==2.0.0\n");
        root.Write("skip/requirements.txt", "django==3.2.4\n");

        var (_, stdout, _) = await RunAsync(new SbomRequest($"dir:{root.Path}", "cyclonedx", null, ["skip"], null, false));

        Assert.Equal(["flask"], CycloneDxReader.Read(stdout).Document.Components.Select(c => c.Name));
    }

    [Theory]
    [InlineData("dir:/no/such/dir", "no such directory")]
    [InlineData("/no/such/path", "no such file or directory")]
    [InlineData("registry:noregistryhost", "needs a host")]
    [InlineData("dir:/", "unknown format 'xml'", "xml")]
    public async Task Errors_exit_2_with_one_line_naming_the_reason(string target, string reason, string format = "cyclonedx")
    {
        var (exit, stdout, stderr) = await RunAsync(new SbomRequest(target, format, null, [], null, false));

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vigil sbom: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_registry_exits_2_with_the_address()
    {
        var port = FreePort.Next();

        var (exit, _, stderr) = await RunAsync(new SbomRequest($"registry:127.0.0.1:{port}/vigil/none:1", "cyclonedx", null, [], null, true));

        Assert.Equal(2, exit);
        Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
        Assert.Contains("cannot connect", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_archive_scan_names_the_subject_a_container()
    {
        Assert.SkipUnless(ContainerImageFixture.Available, "needs umoci, skopeo and npm");

        var (exit, stdout, _) = await RunAsync(new SbomRequest($"docker-archive:{ContainerImageFixture.DockerArchive}", "cyclonedx", null, [], "linux/amd64", false));

        Assert.Equal(0, exit);
        Assert.Contains("\"type\": \"container\"", stdout, StringComparison.Ordinal);
        Assert.Empty(await CycloneDxSchema.ValidateAsync(stdout));
    }
}
