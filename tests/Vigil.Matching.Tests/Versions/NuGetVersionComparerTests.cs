using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class NuGetVersionComparerTests
{
    [Theory]
    [InlineData("1.0", "=", "1.0.0.0")]
    [InlineData("1.0.0.1", ">", "1.0.0")]
    [InlineData("1.0.0-BETA", "=", "1.0.0-beta")]
    [InlineData("1.0.0-beta.2", "<", "1.0.0-beta.10")]
    [InlineData("1.0.0-rc1", "<", "1.0.0")]
    [InlineData("1.01.0", "=", "1.1.0")]
    [InlineData("1.0.0+abc", "=", "1.0.0")]
    [InlineData("4.1.3", "<", "4.2.0-preview1")]
    public void Orders_versions_as_nuget(string left, string op, string right) =>
        ComparerAssert.Orders(NuGetVersionComparer.Instance, left, op, right);

    [Theory]
    [InlineData("1.2.3.4.5")]
    [InlineData("a.b")]
    [InlineData("1.0-")]
    public void Rejects_invalid_versions(string version) => ComparerAssert.NotComparable(NuGetVersionComparer.Instance, version);
}
