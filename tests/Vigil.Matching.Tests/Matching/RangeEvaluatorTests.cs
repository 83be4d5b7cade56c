using Vigil.Scanning.Matching;
using Vigil.Scanning.Osv;

namespace Vigil.Matching.Tests.Matching;

public sealed class RangeEvaluatorTests
{
    private static OsvAffected Affected(string ecosystem, string[] versions, params OsvRange[] ranges) =>
        new(new OsvPackage(ecosystem, "pkg", null), ranges, versions, [], null);

    private static OsvRange Range(string type, params (OsvEventKind Kind, string Version)[] events) =>
        new(type, events.Select(e => new OsvEvent(e.Kind, e.Version)).ToList());

    private const OsvEventKind I = OsvEventKind.Introduced;
    private const OsvEventKind F = OsvEventKind.Fixed;
    private const OsvEventKind L = OsvEventKind.LastAffected;

    [Theory]
    [InlineData("1.9", RangeVerdict.Affected)]
    [InlineData("2.0", RangeVerdict.NotAffected)]
    [InlineData("2.0.post1", RangeVerdict.NotAffected)]
    [InlineData("0.0.1", RangeVerdict.Affected)]
    [InlineData("2.0rc1", RangeVerdict.Affected)]
    public void Introduced_zero_and_fixed(string version, RangeVerdict expected) =>
        Assert.Equal(expected, RangeEvaluator.Evaluate(Affected("PyPI", [], Range("ECOSYSTEM", (I, "0"), (F, "2.0"))), version).Verdict);

    [Theory]
    [InlineData("1.0.0", RangeVerdict.NotAffected)]
    [InlineData("1.1.0", RangeVerdict.Affected)]
    [InlineData("1.5.0", RangeVerdict.Affected)]
    [InlineData("1.5.1", RangeVerdict.NotAffected)]
    public void Last_affected_is_inclusive(string version, RangeVerdict expected) =>
        Assert.Equal(expected, RangeEvaluator.Evaluate(Affected("npm", [], Range("SEMVER", (I, "1.1.0"), (L, "1.5.0"))), version).Verdict);

    [Theory]
    [InlineData("1.1.0", RangeVerdict.Affected)]
    [InlineData("1.5.0", RangeVerdict.NotAffected)]
    [InlineData("2.1.0", RangeVerdict.Affected)]
    [InlineData("3.0.0", RangeVerdict.NotAffected)]
    public void Several_intervals_in_one_range_are_walked_in_version_order_even_when_written_out_of_order(string version, RangeVerdict expected)
    {
        var range = Range("SEMVER", (I, "2.0.0"), (F, "2.2.0"), (I, "1.0.0"), (F, "1.2.0"));
        Assert.Equal(expected, RangeEvaluator.Evaluate(Affected("npm", [], range), version).Verdict);
    }

    [Fact]
    public void Only_introduced_zero_means_from_the_start()
    {
        var fromZero = Affected("npm", [], Range("SEMVER", (I, "0"), (F, "1.0.0")));
        var fromZeroZeroZero = Affected("npm", [], Range("SEMVER", (I, "0.0.0"), (F, "1.0.0")));

        Assert.Equal(RangeVerdict.Affected, RangeEvaluator.Evaluate(fromZero, "0.0.0-alpha").Verdict);
        // 0.0.0-alpha sorts before 0.0.0 in SemVer, so a literal "0.0.0" does not cover it.
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(fromZeroZeroZero, "0.0.0-alpha").Verdict);
    }

    [Fact]
    public void Limit_caps_the_range()
    {
        var affected = Affected("npm", [], Range("SEMVER", (I, "0"), (OsvEventKind.Limit, "2.0.0")));
        Assert.Equal(RangeVerdict.Affected, RangeEvaluator.Evaluate(affected, "1.9.9").Verdict);
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(affected, "2.0.0").Verdict);
    }

    [Fact]
    public void Explicit_versions_match_by_exact_string_only()
    {
        var affected = Affected("PyPI", ["1.0", "1.1-custom"], Range("ECOSYSTEM", (I, "3.0"), (F, "3.1")));

        Assert.Equal(RangeVerdict.Affected, RangeEvaluator.Evaluate(affected, "1.0").Verdict);
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(affected, "1.0.0").Verdict);
        var listed = RangeEvaluator.Evaluate(affected, "1.1-custom");
        Assert.Equal(RangeVerdict.Affected, listed.Verdict);
        Assert.Equal(["3.1"], listed.FixedVersions);
    }

    [Fact]
    public void Git_ranges_are_not_used_for_package_matching()
    {
        var affected = Affected("Go", [], Range("GIT", (I, "0"), (F, "abc123")));
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(affected, "1.0.0").Verdict);
    }

    [Fact]
    public void Several_ranges_affect_if_any_does_and_report_the_matching_fix()
    {
        var affected = Affected("Maven", [], Range("ECOSYSTEM", (I, "2.0"), (L, "2.3.1")), Range("ECOSYSTEM", (I, "2.4.0"), (F, "2.12.2")), Range("ECOSYSTEM", (I, "2.13.0"), (F, "2.17.1")));

        var result = RangeEvaluator.Evaluate(affected, "2.14.1");

        Assert.Equal(RangeVerdict.Affected, result.Verdict);
        Assert.Equal(["2.17.1"], result.FixedVersions);
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(affected, "2.3.2").Verdict);
        Assert.Equal(RangeVerdict.Affected, RangeEvaluator.Evaluate(affected, "2.3.1").Verdict);
    }

    [Fact]
    public void An_unparsable_version_is_not_comparable_rather_than_dropped_or_thrown()
    {
        var affected = Affected("PyPI", [], Range("ECOSYSTEM", (I, "0"), (F, "2.0")));

        var result = RangeEvaluator.Evaluate(affected, "not a version!");

        Assert.Equal(RangeVerdict.NotComparable, result.Verdict);
        Assert.Equal(["2.0"], result.FixedVersions);
    }

    [Fact]
    public void An_unknown_ecosystem_is_not_comparable()
    {
        var affected = Affected("SomethingNew", [], Range("ECOSYSTEM", (I, "0"), (F, "2.0")));
        Assert.Equal(RangeVerdict.NotComparable, RangeEvaluator.Evaluate(affected, "1.0").Verdict);
    }

    [Fact]
    public void Go_semver_ranges_accept_versions_with_or_without_v_and_ignore_incompatible()
    {
        var affected = Affected("Go", [], Range("SEMVER", (I, "0"), (F, "1.20.2")));
        Assert.Equal(RangeVerdict.Affected, RangeEvaluator.Evaluate(affected, "v1.20.1").Verdict);
        Assert.Equal(RangeVerdict.Affected, RangeEvaluator.Evaluate(affected, "1.20.1+incompatible").Verdict);
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(affected, "v1.20.2").Verdict);
    }

    [Fact]
    public void Debian_ranges_use_dpkg_ordering()
    {
        var affected = Affected("Debian:12", [], Range("ECOSYSTEM", (I, "0"), (F, "3.0.11-1~deb12u2")));
        Assert.Equal(RangeVerdict.Affected, RangeEvaluator.Evaluate(affected, "3.0.11-1~deb12u1").Verdict);
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(affected, "3.0.11-1~deb12u2").Verdict);
        Assert.Equal(RangeVerdict.NotAffected, RangeEvaluator.Evaluate(affected, "3.0.13-1~deb12u1").Verdict);
    }
}
