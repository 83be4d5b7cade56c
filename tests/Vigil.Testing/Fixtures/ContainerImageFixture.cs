namespace Vigil.Testing.Fixtures;

/// <summary>
/// A small real image: layers packed with GNU tar, added with <c>umoci raw add-layer</c> (umoci 0.4.7's own
/// <c>insert</c> writes truncated layers, which the scanner rightly rejects) and converted with <c>skopeo</c>: a base layer (os-release, this
/// machine's dpkg status, Debian's installed Python metadata), an application layer (the npm fixture's installed
/// project, the Go 1.19 binary when available) and a third layer whiting out one file. The same image is written as
/// an OCI layout (gzip), an OCI layout with zstd layers, a docker-archive and an oci-archive. <see cref="ExpectedRoot"/>
/// is the merged file system as a plain directory, so tests can compare an image scan with a directory scan.
/// </summary>
public static class ContainerImageFixture
{
    /// <summary>The file the third layer deletes.</summary>
    public const string WhitedOut = "srv/app/node_modules/minimist/package.json";

    /// <summary>Whether umoci and skopeo are installed.</summary>
    public static bool Available => FixtureCache.HasTool("umoci") && FixtureCache.HasTool("skopeo") && NpmProjectFixture.Available;

    /// <summary>Fixture root.</summary>
    public static string Path => FixtureCache.GetOrBuild("container-image-1", Build);

    /// <summary>OCI layout directory, tag <c>test</c>, gzip layers.</summary>
    public static string OciLayout => System.IO.Path.Combine(Path, "oci");

    /// <summary>OCI layout directory with zstd-compressed layers.</summary>
    public static string ZstdLayout => System.IO.Path.Combine(Path, "oci-zstd");

    /// <summary><c>docker save</c>-format tarball.</summary>
    public static string DockerArchive => System.IO.Path.Combine(Path, "image-docker.tar");

    /// <summary>OCI archive tarball.</summary>
    public static string OciArchive => System.IO.Path.Combine(Path, "image-oci.tar");

    /// <summary>The image's merged file system as a directory (lower layers, upper layers, whiteout applied).</summary>
    public static string ExpectedRoot => System.IO.Path.Combine(Path, "expected-root");

    private static void Build(string root)
    {
        var baseLayer = System.IO.Path.Combine(root, "stage-base");
        var appLayer = System.IO.Path.Combine(root, "stage-app");
        Copy("/etc/os-release", System.IO.Path.Combine(baseLayer, "etc", "os-release"));
        Copy("/var/lib/dpkg/status", System.IO.Path.Combine(baseLayer, "var", "lib", "dpkg", "status"));
        const string distPackages = "/usr/lib/python3/dist-packages";
        if (Directory.Exists(distPackages))
        {
            foreach (var info in Directory.GetDirectories(distPackages, "*.dist-info"))
            {
                var metadata = System.IO.Path.Combine(info, "METADATA");
                if (File.Exists(metadata))
                {
                    Copy(metadata, System.IO.Path.Combine(baseLayer, "usr/lib/python3/dist-packages", System.IO.Path.GetFileName(info), "METADATA"));
                }
            }
        }

        CopyTree(System.IO.Path.Combine(NpmProjectFixture.Path, "npm"), System.IO.Path.Combine(appLayer, "srv", "app"));
        if (GoBinaryFixture.Available)
        {
            Copy(GoBinaryFixture.Binary, System.IO.Path.Combine(appLayer, "usr", "local", "bin", "hello"));
        }

        var whiteoutLayer = System.IO.Path.Combine(root, "stage-whiteout");
        var whiteout = System.IO.Path.Combine(whiteoutLayer, TreeParent(WhitedOut), ".wh." + System.IO.Path.GetFileName(WhitedOut));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(whiteout)!);
        File.WriteAllText(whiteout, "");

        var layout = $"{OciLayoutIn(root)}:test";
        FixtureCache.Run(root, "umoci", "init", "--layout", OciLayoutIn(root));
        FixtureCache.Run(root, "umoci", "new", "--image", layout);
        foreach (var stage in new[] { baseLayer, appLayer, whiteoutLayer })
        {
            var tar = stage + ".tar";
            FixtureCache.Run(root, "tar", "--numeric-owner", "--owner=0", "--group=0", "-C", stage, "-cf", tar, ".");
            FixtureCache.Run(root, "umoci", "raw", "add-layer", "--image", layout, tar);
            File.Delete(tar);
        }

        FixtureCache.Run(root, "skopeo", "copy", "--dest-compress-format", "zstd", $"oci:{layout}", $"oci:{System.IO.Path.Combine(root, "oci-zstd")}:test");
        FixtureCache.Run(root, "skopeo", "copy", $"oci:{layout}", $"docker-archive:{System.IO.Path.Combine(root, "image-docker.tar")}:vigil/test:1");
        FixtureCache.Run(root, "skopeo", "copy", $"oci:{layout}", $"oci-archive:{System.IO.Path.Combine(root, "image-oci.tar")}:test");

        var expected = System.IO.Path.Combine(root, "expected-root");
        CopyTree(baseLayer, expected);
        CopyTree(appLayer, expected);
        File.Delete(System.IO.Path.Combine(expected, WhitedOut));
        Directory.Delete(baseLayer, recursive: true);
        Directory.Delete(appLayer, recursive: true);
        Directory.Delete(whiteoutLayer, recursive: true);
    }

    private static string TreeParent(string path) => path[..path.LastIndexOf('/')];

    private static string OciLayoutIn(string root) => System.IO.Path.Combine(root, "oci");

    private static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is null)
            {
                Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, file)));
            }
        }
    }
}
