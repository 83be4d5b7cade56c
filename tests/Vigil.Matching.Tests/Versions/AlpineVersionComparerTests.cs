using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class AlpineVersionComparerTests
{
    // Vectors from apk-tools' test/version.data and the apk package version format.
    [Theory]
    [InlineData("1.0", "<", "1.0-r1")]
    [InlineData("1.0-r1", "<", "1.0-r2")]
    [InlineData("1.0_alpha1", "<", "1.0_beta1")]
    [InlineData("1.0_beta1", "<", "1.0_pre1")]
    [InlineData("1.0_pre1", "<", "1.0_rc1")]
    [InlineData("1.0_rc1", "<", "1.0")]
    [InlineData("1.0", "<", "1.0_cvs1")]
    [InlineData("1.0_cvs1", "<", "1.0_svn1")]
    [InlineData("1.0_svn1", "<", "1.0_git1")]
    [InlineData("1.0_git1", "<", "1.0_hg1")]
    [InlineData("1.0_hg1", "<", "1.0_p1")]
    [InlineData("1.0_p1", "<", "1.0.1")]
    [InlineData("1.0", "<", "1.0a")]
    [InlineData("1.0a", "<", "1.0b")]
    [InlineData("1.0a", "<", "1.0.1")]
    [InlineData("1.2.3", "<", "1.2.10")]
    [InlineData("1.05", "<", "1.1")]
    [InlineData("1.05", "<", "1.5")]
    [InlineData("1.1.1k-r0", "<", "1.1.1l-r0")]
    [InlineData("2.4.46-r3", "<", "2.4.46-r10")]
    [InlineData("1.0_rc1-r5", "<", "1.0-r0")]
    [InlineData("1.0_p1-r0", ">", "1.0-r99")]
    public void Orders_versions_as_apk(string left, string op, string right) =>
        ComparerAssert.Orders(AlpineVersionComparer.Instance, left, op, right);

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.0_foo")]
    [InlineData("1.0-x1")]
    public void Rejects_invalid_versions(string version) => ComparerAssert.NotComparable(AlpineVersionComparer.Instance, version);
}
