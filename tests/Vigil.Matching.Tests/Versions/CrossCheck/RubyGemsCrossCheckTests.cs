using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions.CrossCheck;

public sealed class RubyGemsCrossCheckTests
{
    private const string Script =
        "STDIN.each_line { |l| a, b = l.chomp.split(\"\\t\", -1); " +
        "puts(Gem::Version.correct?(a) && Gem::Version.correct?(b) ? (Gem::Version.new(a) <=> Gem::Version.new(b)) : 'invalid') }";

    private static string Version(Random r) =>
        VersionGenerator.Numbers(r, 1, 4) +
        VersionGenerator.Pick(r, "", "", ".pre", ".rc1", ".a", "-rc1", ".beta.2", "b", ".0.x", "-java") +
        VersionGenerator.Pick(r, "", "", ".0", ".1");

    [Fact]
    public void Agrees_with_gem_version_on_generated_pairs()
    {
        var pairs = new VersionGenerator(7).Pairs(Version, (r, v) => VersionGenerator.Tweak(r, v, ".0", ".a", ".1", "-pre"));
        var expected = ReferenceTool.Compare("/usr/bin/ruby", ["-e", Script], pairs, "ruby");
        ReferenceTool.AssertAgree(RubyGemsVersionComparer.Instance, pairs, expected);
    }
}
