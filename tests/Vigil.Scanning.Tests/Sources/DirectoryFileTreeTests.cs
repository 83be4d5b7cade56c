using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;

namespace Vigil.Scanning.Tests.Sources;

public class DirectoryFileTreeTests
{
    [Fact]
    public void Absolute_and_climbing_symlinks_resolve_inside_the_root_not_on_the_host()
    {
        using var root = new TempDirectory();
        root.Write("usr/lib/os-release", "ID=alpine\nVERSION_ID=3.20.3\n");
        Directory.CreateDirectory(Path.Combine(root.Path, "etc"));
        // On the host these would reach the real /etc/os-release (Debian); inside the tree they must not.
        File.CreateSymbolicLink(Path.Combine(root.Path, "etc", "os-release"), "/usr/lib/os-release");
        File.CreateSymbolicLink(Path.Combine(root.Path, "etc", "host-passwd"), "../../../../../../../etc/passwd");
        var tree = new DirectoryFileTree(root.Path);

        Assert.Equal("alpine", OsReleaseReader.Identify(tree)!.Id);
        Assert.Throws<FileNotFoundException>(() => tree.Open("etc/host-passwd"));
        Assert.Equal(FileEntryKind.Symlink, tree.Stat("etc/host-passwd")!.Kind);
    }

    [Fact]
    public void Symlinked_directories_are_not_walked_and_skip_dirs_are_honoured()
    {
        using var root = new TempDirectory();
        using var outside = new TempDirectory();
        outside.Write("node_modules/evil/package.json", """{"name":"evil","version":"6.6.6"}""");
        root.Write("app/node_modules/good/package.json", """{"name":"good","version":"1.0.0"}""");
        root.Write("cache/node_modules/cached/package.json", """{"name":"cached","version":"1.0.0"}""");
        Directory.CreateSymbolicLink(Path.Combine(root.Path, "linked"), outside.Path);

        var tree = new DirectoryFileTree(root.Path, ["/cache"]);
        var paths = tree.Enumerate().Select(e => e.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["app/node_modules/good/package.json", "linked"], paths);
        Assert.Equal(["good"], new Cataloging([new NpmInstalledCataloger()]).Run(tree).Document.Components.Select(c => c.Name));
    }

    [Fact]
    public void Symlink_loops_end_as_missing_files()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "etc"));
        File.CreateSymbolicLink(Path.Combine(root.Path, "etc", "a"), "b");
        File.CreateSymbolicLink(Path.Combine(root.Path, "etc", "b"), "a");

        Assert.Throws<FileNotFoundException>(() => new DirectoryFileTree(root.Path).Open("etc/a"));
    }
}
