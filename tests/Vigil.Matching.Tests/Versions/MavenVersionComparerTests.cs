using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class MavenVersionComparerTests
{
    // Vectors from Maven's ComparableVersionTest (VERSIONS_QUALIFIER and VERSIONS_NUMBER chains, equalities).
    [Theory]
    [InlineData("1-alpha2snapshot", "<", "1-alpha2")]
    [InlineData("1-alpha2", "<", "1-alpha-123")]
    [InlineData("1-alpha-123", "<", "1-beta-2")]
    [InlineData("1-beta-2", "<", "1-beta123")]
    [InlineData("1-beta123", "<", "1-m2")]
    [InlineData("1-m2", "<", "1-m11")]
    [InlineData("1-m11", "<", "1-rc")]
    [InlineData("1-rc", "<", "1-cr2")]
    [InlineData("1-cr2", "<", "1-rc123")]
    [InlineData("1-rc123", "<", "1-SNAPSHOT")]
    [InlineData("1-SNAPSHOT", "<", "1")]
    [InlineData("1", "<", "1-sp")]
    [InlineData("1-sp", "<", "1-sp2")]
    [InlineData("1-sp2", "<", "1-sp123")]
    [InlineData("1-sp123", "<", "1-abc")]
    [InlineData("1-abc", "<", "1-def")]
    [InlineData("1-def", "<", "1-pom-1")]
    [InlineData("1-pom-1", "<", "1-1-snapshot")]
    [InlineData("1-1-snapshot", "<", "1-1")]
    [InlineData("1-1", "<", "1-2")]
    [InlineData("1-2", "<", "1-123")]
    [InlineData("2.0", "<", "2.0.a")]
    [InlineData("2.0.0.a", "<", "2.0.0.0.b")]
    [InlineData("2.0.1", "<", "2.0.1-xyz")]
    [InlineData("2.0.1-xyz", "<", "2.0.1-123")]
    [InlineData("1", "=", "1.0.0")]
    [InlineData("1.0.0", "=", "1-0")]
    [InlineData("1a", "=", "1-a")]
    [InlineData("1a1", "=", "1-alpha-1")]
    [InlineData("1a", "=", "1.0.0-a")]
    [InlineData("1ga", "=", "1")]
    [InlineData("1.0.Final", "=", "1")]
    [InlineData("1release", "=", "1")]
    [InlineData("1cr", "=", "1rc")]
    [InlineData("1M1", "=", "1-milestone-1")]
    [InlineData("2.17.0", ">", "2.17.0-rc1")]
    [InlineData("5.3.18", ">", "5.3.17.RELEASE")]
    public void Orders_versions_as_maven(string left, string op, string right) =>
        ComparerAssert.Orders(MavenVersionComparer.Instance, left, op, right);

    [Fact]
    public void Only_an_empty_version_is_not_comparable() => ComparerAssert.NotComparable(MavenVersionComparer.Instance, "");
}
