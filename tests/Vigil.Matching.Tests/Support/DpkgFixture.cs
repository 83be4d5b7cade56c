namespace Vigil.Matching.Tests.Support;

/// <summary>
/// A Debian 12 root file system with only <c>etc/os-release</c> and a dpkg status database holding the given packages
/// (binary name, source name, version), enough for the dpkg cataloger and the matcher.
/// </summary>
internal static class DpkgFixture
{
    public static string Create(TemporaryDirectory directory, params (string Package, string Source, string Version)[] packages)
    {
        var root = Path.Combine(directory.Path, "rootfs");
        directory.File("rootfs/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n");
        var status = string.Join("\n", packages.Select(p =>
            $"Package: {p.Package}\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\n" +
            (p.Source == p.Package ? "" : $"Source: {p.Source}\n") +
            $"Version: {p.Version}\nDescription: test package {p.Package}\n"));
        directory.File("rootfs/var/lib/dpkg/status", status);
        return root;
    }

    /// <summary>Bookworm's 12.0 versions of packages that the feed pack's Debian 12 sample has advisories for.</summary>
    public static readonly (string, string, string)[] Bookworm120 =
    [
        ("libc6", "glibc", "2.36-9"),
        ("libssl3", "openssl", "3.0.9-1"),
        ("openssh-client", "openssh", "1:9.2p1-2"),
        ("curl", "curl", "7.88.1-10"),
        ("libssh-4", "libssh", "0.10.6-0+deb12u1"),
        ("bash", "bash", "5.2.15-2+b2"),
    ];
}
