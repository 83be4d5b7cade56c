using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions.CrossCheck;

public sealed class Pep440CrossCheckTests
{
    private const string Script = """
        import sys
        from packaging.version import Version, InvalidVersion
        for line in sys.stdin:
            a, b = line.rstrip("\n").split("\t")
            try:
                x, y = Version(a), Version(b)
            except InvalidVersion:
                print("invalid")
                continue
            print(-1 if x < y else (0 if x == y else 1))
        """;

    private static string Version(Random r) =>
        VersionGenerator.Pick(r, "", "", "", "1!") +
        VersionGenerator.Numbers(r, 1, 3) +
        VersionGenerator.Pick(r, "", "", "a1", "b2", "rc1", ".alpha", "-preview3", "c", "pre") +
        VersionGenerator.Pick(r, "", "", ".post1", "-1", "post", ".r2") +
        VersionGenerator.Pick(r, "", "", ".dev0", "dev", ".dev10") +
        VersionGenerator.Pick(r, "", "", "", "+abc", "+5", "+abc.5", "+ubuntu-1");

    [Fact]
    public void Agrees_with_python_packaging_on_generated_pairs()
    {
        var pairs = new VersionGenerator(440).Pairs(Version, (r, v) => VersionGenerator.Tweak(r, v, ".0", "a1", ".post1", ".dev1", "+1"));
        var expected = ReferenceTool.Compare("/usr/bin/python3", ["-c", Script], pairs, "python3-packaging");
        ReferenceTool.AssertAgree(Pep440VersionComparer.Instance, pairs, expected);
    }
}
