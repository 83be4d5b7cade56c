using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;

namespace Vigil.Scanning.Tests.Sources;

public class LayeredImageTests
{
    private const string OsRelease = "ID=debian\nVERSION_ID=\"12\"\n";
    private const string Status = "Package: base-files\nStatus: install ok installed\nArchitecture: amd64\nVersion: 12.4\n\n";

    private static async Task<(ScanSource Source, CatalogResult Result)> ScanAsync(string layout, ArchiveLimits? limits = null, string? temp = null)
    {
        var cataloging = new Cataloging();
        var options = new SourceOptions { Limits = limits ?? ArchiveLimits.Default, TempDirectory = temp };
        var source = await SourceOpener.OpenAsync(new SourceTarget(SourceKind.OciDirectory, layout), options, cataloging.IsCandidate);
        return (source, cataloging.Run(source.Tree));
    }

    [Fact]
    public async Task Whiteouts_and_opaque_directories_hide_lower_layers()
    {
        using var root = new TempDirectory();
        var lower = new TestLayer()
            .File("etc/os-release", OsRelease)
            .File("var/lib/dpkg/status", Status)
            .File("app/node_modules/left-pad/package.json", """{"name":"left-pad","version":"1.1.0"}""")
            .File("srv/node_modules/lodash/package.json", """{"name":"lodash","version":"4.17.20"}""")
            .Gzip();
        var upper = new TestLayer()
            .File("app/node_modules/.wh.left-pad", "")
            .Directory("srv/node_modules")
            .File("srv/node_modules/.wh..wh..opq", "")
            .File("srv/node_modules/minimist/package.json", """{"name":"minimist","version":"1.2.5"}""")
            .Tar();
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [lower, upper]);

        var (source, result) = await ScanAsync(layout);
        using (source)
        {
            Assert.Equal(
                ["pkg:deb/debian/base-files@12.4?arch=amd64&distro=debian-12", "pkg:npm/minimist@1.2.5"],
                result.Document.Components.Select(c => c.Purl));
            Assert.Equal("container", source.SubjectType);
        }
    }

    [Fact]
    public async Task Symlinks_resolve_inside_the_image_never_to_the_host()
    {
        using var root = new TempDirectory();
        // A link climbing out of the root must land on the image's own usr/lib/os-release, not the host's /etc/os-release.
        var layer = new TestLayer()
            .File("usr/lib/os-release", "ID=alpine\nVERSION_ID=3.20.3\n")
            .Symlink("etc/os-release", "../../../../../../usr/lib/os-release")
            .Symlink("etc/passwd-link", "/etc/passwd")
            .Device("dev/null")
            .Tar();
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [layer]);

        var (source, result) = await ScanAsync(layout);
        using (source)
        {
            Assert.Equal("alpine", result.Document.OperatingSystem!.Id);
            Assert.Throws<FileNotFoundException>(() => source.Tree.Open("etc/passwd-link"));
            Assert.Null(source.Tree.Stat("dev/null"));
        }
    }

    public static TheoryData<string, TestLayer, string> HostileLayers => new()
    {
        { "path traversal", new TestLayer().File("../../escape.txt", "x"), "escapes the image root" },
        { "hard link to a path outside", new TestLayer().HardLink("etc/shadow-copy", "../../etc/shadow"), "not a file in the image" },
        { "hard link to a missing file", new TestLayer().HardLink("bin/sh", "bin/busybox"), "not a file in the image" },
    };

    [Theory]
    [MemberData(nameof(HostileLayers))]
    public async Task Hostile_entries_fail_with_the_layer_and_reason_and_leave_no_temp_files(string why, TestLayer layer, string reason)
    {
        using var root = new TempDirectory();
        var temp = Directory.CreateDirectory(Path.Combine(root.Path, "tmp")).FullName;
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [new TestLayer().File("etc/os-release", OsRelease).Gzip(), layer.Gzip()]);

        var error = await Assert.ThrowsAsync<SourceException>(() => ScanAsync(layout, temp: temp));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp));
        Assert.False(File.Exists(Path.Combine(root.Path, "escape.txt")), why);
    }

    [Fact]
    public async Task Absolute_entry_names_land_inside_the_image_root()
    {
        using var root = new TempDirectory();
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [new TestLayer().Directory("/").File("/etc/os-release", OsRelease).Gzip()]);

        var (source, result) = await ScanAsync(layout);
        using (source)
        {
            Assert.Equal("debian", result.Document.OperatingSystem!.Id);
            Assert.NotNull(source.Tree.Stat("etc/os-release"));
        }
    }

    [Fact]
    public async Task Decompression_bomb_stops_at_the_total_size_cap()
    {
        using var root = new TempDirectory();
        var bomb = new TestLayer().File("zeros.bin", new byte[32 * 1024 * 1024]).Gzip();
        Assert.True(bomb.Length < 100 * 1024, "the bomb should compress well");
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [bomb]);

        var error = await Assert.ThrowsAsync<SourceException>(() => ScanAsync(layout, new ArchiveLimits(MaxTotalBytes: 8 * 1024 * 1024)));

        Assert.Contains("limit exceeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_file_size_and_entry_count_caps_name_the_entry()
    {
        using var root = new TempDirectory();
        var layer = new TestLayer().File("a.txt", "x").File("big.bin", new byte[1024 * 1024]).File("c.txt", "y").Gzip();
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [layer]);

        var tooBig = await Assert.ThrowsAsync<SourceException>(() => ScanAsync(layout, new ArchiveLimits(MaxFileBytes: 1000)));
        var tooMany = await Assert.ThrowsAsync<SourceException>(() => ScanAsync(layout, new ArchiveLimits(MaxEntries: 2)));

        Assert.Contains("'big.bin'", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("more than 2 entries", tooMany.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_layer_digest_is_rejected()
    {
        using var root = new TempDirectory();
        var wrong = "sha256:" + new string('0', 64);
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [new TestLayer().File("etc/os-release", OsRelease).Gzip()], _ => wrong);
        // The blob is stored under its real digest, so put the content where the manifest points too.
        var real = Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")).Select(File.ReadAllBytes).First(b => b.Length > 2 && b[0] == 0x1f);
        File.WriteAllBytes(Path.Combine(layout, "blobs", "sha256", new string('0', 64)), real);

        var error = await Assert.ThrowsAsync<SourceException>(() => ScanAsync(layout));

        Assert.Contains("digest mismatch", error.Message, StringComparison.Ordinal);
        Assert.Contains(wrong, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_layer_is_an_error_naming_the_layer()
    {
        using var root = new TempDirectory();
        var full = new TestLayer().File("etc/os-release", OsRelease).File("data.bin", new byte[200_000]).Tar();
        var layout = OciLayoutWriter.Write(Path.Combine(root.Path, "layout"), [full[..(full.Length / 2)]]);

        var error = await Assert.ThrowsAsync<SourceException>(() => ScanAsync(layout));

        Assert.Contains("truncated or malformed layer", error.Message, StringComparison.Ordinal);
    }
}
