using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class GoVersionComparerTests
{
    [Theory]
    [InlineData("v1.2.3", "=", "1.2.3")]
    [InlineData("v2.0.0+incompatible", "=", "2.0.0")]
    [InlineData("v0.0.0-20191109021931-daa7c04131f5", "<", "v0.0.0-20200101000000-aaaaaaaaaaaa")]
    [InlineData("v0.0.0-20191109021931-daa7c04131f5", "<", "0.0.1")]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", ">", "v1.2.3")]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "<", "v1.2.4")]
    [InlineData("v1", "=", "v1.0.0")]
    [InlineData("v1.2", "=", "1.2.0")]
    [InlineData("go1.20.1", "=", "1.20.1")]
    [InlineData("go1.21rc2", "<", "1.21.0")]
    [InlineData("go1.21rc2", ">", "1.21.0-rc.1")]
    [InlineData("go1.20", "=", "1.20.0")]
    public void Orders_go_module_and_toolchain_versions(string left, string op, string right) =>
        ComparerAssert.Orders(GoVersionComparer.Instance, left, op, right);

    [Theory]
    [InlineData("master")]
    [InlineData("v1.2.3.4")]
    public void Rejects_invalid_versions(string version) => ComparerAssert.NotComparable(GoVersionComparer.Instance, version);
}
