using System.Text.Json;
using Vigil.Matching.Tests.Support;

namespace Vigil.Matching.Tests.Cli;

/// <summary>
/// Scans real dpkg databases against the real feed pack. Expectations were checked by hand against the pack's
/// Debian 12 records (fixed versions: glibc 2.36-9+deb12u3/u4/u7, openssl 3.0.11-1~deb12u2 and 3.0.14-1~deb12u2,
/// openssh 1:9.2p1-2+deb12u2/u3/u5, curl 7.88.1-10+deb12u5; libssh is fixed in 0.10.6-0+deb12u1).
/// </summary>
public sealed class EndToEndScanTests
{
    [Fact]
    public async Task Bookworm_12_0_packages_hit_exactly_the_advisories_fixed_after_them()
    {
        using var dir = new TemporaryDirectory();
        var root = DpkgFixture.Create(dir, DpkgFixture.Bookworm120);

        var outcome = await CliRunner.RunAsync("scan", root, "--store", ImportedFeedPack.Store.Root, "--format", "json", "--fail-on", "unknown");

        Assert.True(outcome.ExitCode == 1, outcome.Stderr);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var hits = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("id").GetString()} {f.GetProperty("package").GetProperty("name").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            [
                "DSA-5514-1 libc6", "DSA-5532-1 libssl3", "DSA-5586-1 openssh-client", "DSA-5587-1 curl",
                "DSA-5611-1 libc6", "DSA-5678-1 libc6", "DSA-5724-1 openssh-client", "DSA-5764-1 libssl3", "DSA-5868-1 openssh-client",
            ],
            hits);
        var regreSSHion = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "DSA-5724-1");
        Assert.Equal("Debian:12", regreSSHion.GetProperty("package").GetProperty("ecosystem").GetString());
        Assert.Contains("CVE-2024-6387", regreSSHion.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("1:9.2p1-2+deb12u3", regreSSHion.GetProperty("fixedVersions")[0].GetString());
        Assert.StartsWith("pkg:deb/debian/openssh-client@", regreSSHion.GetProperty("package").GetProperty("purl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_machines_dpkg_database_is_scanned_and_its_updated_packages_are_not_flagged()
    {
        if (!File.Exists("/var/lib/dpkg/status") || !File.ReadAllText("/etc/os-release").Contains("VERSION_ID=\"12\"", StringComparison.Ordinal))
        {
            Assert.Skip("needs a Debian 12 machine with /var/lib/dpkg/status");
        }

        using var dir = new TemporaryDirectory();
        dir.File("rootfs/etc/os-release", File.ReadAllText("/etc/os-release"));
        dir.File("rootfs/var/lib/dpkg/status", File.ReadAllText("/var/lib/dpkg/status"));
        var installed = DpkgVersions();

        var outcome = await CliRunner.RunAsync("scan", Path.Combine(dir.Path, "rootfs"), "--store", ImportedFeedPack.Store.Root, "--format", "json");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.True(json.RootElement.GetProperty("components").GetInt32() > 50);
        // Every finding must be a package whose installed version dpkg itself orders below the advisory's fix.
        foreach (var finding in json.RootElement.GetProperty("findings").EnumerateArray())
        {
            var name = finding.GetProperty("package").GetProperty("name").GetString()!;
            var version = finding.GetProperty("package").GetProperty("version").GetString()!;
            Assert.Equal(installed[name], version);
            foreach (var fix in finding.GetProperty("fixedVersions").EnumerateArray())
            {
                Assert.True(DpkgLess(version, fix.GetString()!), $"{name} {version} flagged although fixed in {fix}");
            }
        }
    }

    private static Dictionary<string, string> DpkgVersions()
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        string? package = null;
        foreach (var line in File.ReadLines("/var/lib/dpkg/status"))
        {
            if (line.StartsWith("Package: ", StringComparison.Ordinal))
            {
                package = line[9..];
            }
            else if (line.StartsWith("Version: ", StringComparison.Ordinal) && package is not null)
            {
                versions[package] = line[9..];
            }
        }

        return versions;
    }

    private static bool DpkgLess(string a, string b)
    {
        using var process = System.Diagnostics.Process.Start("dpkg", ["--compare-versions", a, "lt", b])!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
