using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class DebianVersionComparerTests
{
    // Vectors from Debian Policy §5.6.12 and dpkg's own test suite behaviour.
    [Theory]
    [InlineData("1.0", "<", "1.1")]
    [InlineData("1.0", "=", "1.0-0")]
    [InlineData("1.0-1", "<", "1.0-2")]
    [InlineData("1:0.9", ">", "2.0")]
    [InlineData("0:1.0", "=", "1.0")]
    [InlineData("1.0~rc1", "<", "1.0")]
    [InlineData("1.0~~", "<", "1.0~~a")]
    [InlineData("1.0~~a", "<", "1.0~")]
    [InlineData("1.0~", "<", "1.0")]
    [InlineData("1.0", "<", "1.0a")]
    [InlineData("1.0a", "<", "1.0+")]
    [InlineData("1.0+", "<", "1.0.1")]
    [InlineData("2.36-9+deb12u4", "<", "2.36-9+deb12u10")]
    [InlineData("2.36-9+deb12u10", ">", "2.36-9")]
    [InlineData("1.2.3-1", "<", "1.2.3-1ubuntu1")]
    [InlineData("1.01", "=", "1.1")]
    [InlineData("7.88.1-10+deb12u5", "<", "7.88.1-10+deb12u6")]
    [InlineData("1:2.0-1", ">", "1:1.99-9")]
    [InlineData("1.0-1-2", ">", "1.0-1-1")]
    public void Orders_versions_as_dpkg(string left, string op, string right) =>
        ComparerAssert.Orders(DebianVersionComparer.Instance, left, op, right);

    [Theory]
    [InlineData("")]
    [InlineData("a:1.0")]
    [InlineData("1.0-")]
    [InlineData("1.0 2")]
    [InlineData("1.0$")]
    public void Rejects_invalid_versions(string version) => ComparerAssert.NotComparable(DebianVersionComparer.Instance, version);
}
