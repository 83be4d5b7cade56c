namespace Vigil.Testing.Fixtures;

/// <summary>
/// A Debian 12 root file system made with <c>debootstrap --variant=minbase</c> from the mirror apt is configured with,
/// plus Debian's <c>python3-urllib3</c> (installed Python metadata from real Debian packages). It is also packed as an
/// image: one GNU tar layer added with <c>umoci raw add-layer</c> (OCI layout) and converted with <c>skopeo</c> to a
/// docker-archive. Building takes minutes on a fresh machine, so it is cached and, in tests, built only when
/// <c>VIGIL_BUILD_SLOW_FIXTURES=1</c> (the bench script sets it).
/// </summary>
public static class DebootstrapFixture
{
    private const string Name = "debootstrap-bookworm-1";

    /// <summary>Whether debootstrap, umoci and skopeo are installed.</summary>
    public static bool Available => FixtureCache.HasTool("debootstrap") && FixtureCache.HasTool("umoci") && FixtureCache.HasTool("skopeo");

    /// <summary>Whether the fixture is cached or may be built now.</summary>
    public static bool Ready =>
        Available && (Directory.Exists(System.IO.Path.Combine(FixtureCache.Root, Name))
            || Environment.GetEnvironmentVariable("VIGIL_BUILD_SLOW_FIXTURES") == "1");

    /// <summary>Fixture root.</summary>
    public static string Path => FixtureCache.GetOrBuild(Name, Build);

    /// <summary>The root file system.</summary>
    public static string RootFs => System.IO.Path.Combine(Path, "rootfs");

    /// <summary>The image as an OCI layout (tag <c>bookworm</c>).</summary>
    public static string OciLayout => System.IO.Path.Combine(Path, "oci");

    /// <summary>The image as a docker-archive.</summary>
    public static string DockerArchive => System.IO.Path.Combine(Path, "image-docker.tar");

    private static void Build(string root)
    {
        var mirror = AptMirror.ForSuite("bookworm") ?? throw new InvalidOperationException("apt has no source for bookworm");
        var rootfs = System.IO.Path.Combine(root, "rootfs");
        FixtureCache.Run(root, "debootstrap", "--variant=minbase", "--include=python3-urllib3", "bookworm", rootfs, mirror);
        // Device nodes and apt caches are no part of what an image ships and would only bloat the layer.
        foreach (var transient in new[] { "dev", "proc", "sys", "var/cache/apt/archives" })
        {
            var path = System.IO.Path.Combine(rootfs, transient);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
                Directory.CreateDirectory(path);
            }
        }

        var layout = $"{System.IO.Path.Combine(root, "oci")}:bookworm";
        var tar = System.IO.Path.Combine(root, "rootfs.tar");
        FixtureCache.Run(root, "tar", "--numeric-owner", "-C", rootfs, "-cf", tar, ".");
        FixtureCache.Run(root, "umoci", "init", "--layout", System.IO.Path.Combine(root, "oci"));
        FixtureCache.Run(root, "umoci", "new", "--image", layout);
        FixtureCache.Run(root, "umoci", "raw", "add-layer", "--image", layout, tar);
        File.Delete(tar);
        FixtureCache.Run(root, "skopeo", "copy", $"oci:{layout}", $"docker-archive:{System.IO.Path.Combine(root, "image-docker.tar")}:vigil/debian:12");
    }
}
