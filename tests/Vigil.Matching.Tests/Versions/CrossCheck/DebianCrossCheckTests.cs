using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions.CrossCheck;

public sealed class DebianCrossCheckTests
{
    private const string DpkgLoop =
        "while IFS=$'\\t' read -r a b; do if dpkg --compare-versions \"$a\" lt \"$b\"; then echo -1; " +
        "elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo 0; else echo 1; fi; done";

    private static string Version(Random r)
    {
        var epoch = r.Next(8) == 0 ? VersionGenerator.Pick(r, "1:", "2:", "0:") : "";
        var upstream = VersionGenerator.Numbers(r, 1, 3) + VersionGenerator.Pick(r, "", "", "~rc1", "~", "+dfsg", "a", "+b1", "~~", ".1~beta");
        var revision = VersionGenerator.Pick(r, "", "-1", "-2", "-1+deb12u1", "-1+deb12u10", "-0ubuntu1", "-1~bpo11+1", "-10");
        return epoch + upstream + revision;
    }

    [Fact]
    public void Agrees_with_dpkg_on_generated_pairs()
    {
        if (!File.Exists("/usr/bin/dpkg"))
        {
            Assert.Skip("dpkg is missing: install the Debian package 'dpkg' to cross-check Debian versions");
        }

        var pairs = new VersionGenerator(12).Pairs(Version, (r, v) => v[..(v.IndexOf(':', StringComparison.Ordinal) + 1)] + v[(v.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("1", VersionGenerator.Pick(r, "1", "2", "01", "1~", "1a", "1+"), StringComparison.Ordinal));
        var expected = ReferenceTool.Compare("/bin/bash", ["-c", DpkgLoop], pairs, "dpkg");
        ReferenceTool.AssertAgree(DebianVersionComparer.Instance, pairs, expected);
    }
}
