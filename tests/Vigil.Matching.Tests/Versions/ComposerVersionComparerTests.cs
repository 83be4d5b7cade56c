using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class ComposerVersionComparerTests
{
    [Theory]
    [InlineData("1.0", "=", "1.0.0.0")]
    [InlineData("v2.1.0", "=", "2.1.0")]
    [InlineData("2.1.0-beta1", "<", "2.1.0")]
    [InlineData("2.1.0-alpha2", "<", "2.1.0-beta1")]
    [InlineData("2.1.0-beta1", "<", "2.1.0-RC1")]
    [InlineData("2.1.0-RC1", "<", "2.1.0")]
    [InlineData("2.1.0-dev", "<", "2.1.0-alpha1")]
    [InlineData("2.3.2-p2", ">", "2.3.2")]
    [InlineData("2.3.2-p2", "<", "2.3.3")]
    [InlineData("2.3.2-patch1", "=", "2.3.2-p1")]
    [InlineData("1.0.0-b2", "=", "1.0.0-beta2")]
    [InlineData("5.4.10", ">", "5.4.9.1")]
    [InlineData("4.4.0", "<", "4.4.10")]
    [InlineData("1.0.0-RC10", ">", "1.0.0-RC9")]
    public void Orders_versions_as_composer(string left, string op, string right) =>
        ComparerAssert.Orders(ComposerVersionComparer.Instance, left, op, right);

    [Theory]
    [InlineData("dev-main")]
    [InlineData("")]
    [InlineData("1.0.0-foo")]
    public void Rejects_branch_names_and_garbage(string version) => ComparerAssert.NotComparable(ComposerVersionComparer.Instance, version);

    [Fact]
    public void Normalises_like_composer()
    {
        Assert.True(ComposerVersionComparer.TryNormalize("v2.1-beta.2", out var normalized));
        Assert.Equal("2.1.0.0-beta2", normalized);
    }
}
