using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class RubyGemsVersionComparerTests
{
    // Vectors from RubyGems' test_gem_version.rb (test_spaceship, test_eql_eh, prerelease ordering).
    [Theory]
    [InlineData("1.0", "=", "1.0.0")]
    [InlineData("1.0", ">", "1.0.a")]
    [InlineData("1.8.2", ">", "0.0.0")]
    [InlineData("1.8.2", ">", "1.8.2.a")]
    [InlineData("1.8.2.b", ">", "1.8.2.a")]
    [InlineData("1.8.2.a", "<", "1.8.2")]
    [InlineData("1.8.2.a10", ">", "1.8.2.a9")]
    [InlineData("", "=", "0")]
    [InlineData("0.beta.1", "=", "0.0.beta.1")]
    [InlineData("0.0.beta", "<", "0.0.beta.1")]
    [InlineData("5.x", "=", "5.0.x")]
    [InlineData("1.9.3", "=", "1.9.3.0")]
    [InlineData("1.0.0-rc1", "=", "1.0.0.pre.rc1")]
    [InlineData("2.2.0.rc1", "<", "2.2")]
    [InlineData("1.2.b1", "<", "1.2.rc1")]
    [InlineData("10.0.0", ">", "9.99.99")]
    public void Orders_versions_as_gem_version(string left, string op, string right) =>
        ComparerAssert.Orders(RubyGemsVersionComparer.Instance, left, op, right);

    [Theory]
    [InlineData("junk")]
    [InlineData("1.0\n2.0")]
    [InlineData("1..2")]
    [InlineData("1.2\u00e9")]
    public void Rejects_invalid_versions(string version) => ComparerAssert.NotComparable(RubyGemsVersionComparer.Instance, version);
}
