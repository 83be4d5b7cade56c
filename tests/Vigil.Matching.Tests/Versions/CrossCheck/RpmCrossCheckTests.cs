using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions.CrossCheck;

public sealed class RpmCrossCheckTests
{
    private const string Script = """
        import sys, rpm
        def evr(s):
            e, _, rest = s.rpartition(":") if ":" in s else ("0", "", s)
            v, _, r = rest.rpartition("-")
            return (e or "0", v, r)
        for line in sys.stdin:
            a, b = line.rstrip("\n").split("\t")
            print(rpm.labelCompare(evr(a), evr(b)))
        """;

    private static string Version(Random r) =>
        VersionGenerator.Pick(r, "", "", "", "1:", "2:") +
        VersionGenerator.Numbers(r, 1, 3) +
        VersionGenerator.Pick(r, "", "", "~rc1", "^git1", "a", "_1", "~", "^", "p1", "b") +
        "-" + VersionGenerator.Pick(r, "1", "2", "1.el9", "1.el9_2", "10.fc38", "1~beta", "0.1^20230101");

    [Fact]
    public void Agrees_with_rpm_labelCompare_on_generated_pairs()
    {
        var pairs = new VersionGenerator(8).Pairs(Version, (r, v) => v[..(v.IndexOf(':', StringComparison.Ordinal) + 1)] + v[(v.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("1", VersionGenerator.Pick(r, "1", "2", "01", "1a"), StringComparison.Ordinal));
        var expected = ReferenceTool.Compare("/usr/bin/python3", ["-c", Script], pairs, "python3-rpm");
        ReferenceTool.AssertAgree(RpmVersionComparer.Instance, pairs, expected);
    }
}
