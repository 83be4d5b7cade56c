using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class RpmVersionComparerTests
{
    // Vectors from rpm's tests/rpmvercmp.at.
    [Theory]
    [InlineData("1.0", "=", "1.0")]
    [InlineData("1.0", "<", "2.0")]
    [InlineData("2.0.1", ">", "2.0")]
    [InlineData("2.0.1a", ">", "2.0.1")]
    [InlineData("5.5p1", "<", "5.5p2")]
    [InlineData("5.5p10", ">", "5.5p1")]
    [InlineData("10xyz", "<", "10.1xyz")]
    [InlineData("xyz10", "<", "xyz10.1")]
    [InlineData("xyz.4", "<", "8")]
    [InlineData("1b.fc17", "<", "1.fc17")]
    [InlineData("1.0aa", "<", "1.0ab")]
    [InlineData("20101121", "<", "20101122")]
    [InlineData("2_0", "=", "2.0")]
    [InlineData("a", "=", "a")]
    [InlineData("a+", "=", "a_")]
    [InlineData("1.0~rc1", "<", "1.0")]
    [InlineData("1.0~rc1", "<", "1.0~rc2")]
    [InlineData("1.0~rc1~git123", "<", "1.0~rc1")]
    [InlineData("1.0^", ">", "1.0")]
    [InlineData("1.0^git1", "<", "1.0.1")]
    [InlineData("1.0^git1", ">", "1.0")]
    [InlineData("1.0^git1~pre", "<", "1.0^git1")]
    [InlineData("1:1.0-1", ">", "2.0-1")]
    [InlineData("3.0.7-16.el9_2", "<", "3.0.7-18.el9_2")]
    public void Orders_versions_as_rpmvercmp(string left, string op, string right) =>
        ComparerAssert.Orders(RpmVersionComparer.Instance, left, op, right);

    [Fact]
    public void A_version_without_release_matches_any_release() =>
        ComparerAssert.Orders(RpmVersionComparer.Instance, "1.2.3", "=", "1.2.3-4.el9");

    [Fact]
    public void Rejects_empty_version() => ComparerAssert.NotComparable(RpmVersionComparer.Instance, " ");
}
