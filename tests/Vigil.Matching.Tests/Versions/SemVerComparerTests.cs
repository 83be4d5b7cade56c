using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class SemVerComparerTests
{
    // SemVer 2.0.0 §11 example chain plus build metadata and large numbers.
    [Theory]
    [InlineData("1.0.0-alpha", "<", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "<", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-alpha.beta", "<", "1.0.0-beta")]
    [InlineData("1.0.0-beta", "<", "1.0.0-beta.2")]
    [InlineData("1.0.0-beta.2", "<", "1.0.0-beta.11")]
    [InlineData("1.0.0-beta.11", "<", "1.0.0-rc.1")]
    [InlineData("1.0.0-rc.1", "<", "1.0.0")]
    [InlineData("1.0.0", "<", "2.0.0")]
    [InlineData("2.0.0", "<", "2.1.0")]
    [InlineData("2.1.0", "<", "2.1.1")]
    [InlineData("1.0.0+build.1", "=", "1.0.0+build.2")]
    [InlineData("1.0.0-0", "<", "1.0.0-a")]
    [InlineData("v1.2.3", "=", "1.2.3")]
    [InlineData("=1.2.3", "=", "1.2.3")]
    [InlineData("99999999999999999999.0.0", ">", "9999999999999999999.0.0")]
    [InlineData("1.0.0-Alpha", "<", "1.0.0-alpha")]
    public void Orders_versions_as_semver_2(string left, string op, string right) =>
        ComparerAssert.Orders(SemVerComparer.Instance, left, op, right);

    [Theory]
    [InlineData("1.2")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3+")]
    [InlineData("1.2.3.4")]
    [InlineData("latest")]
    public void Rejects_invalid_versions(string version) => ComparerAssert.NotComparable(SemVerComparer.Instance, version);
}
