using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

public sealed class Pep440VersionComparerTests
{
    // PEP 440's "summary of permitted suffixes and relative ordering" chain, plus its normalisation rules.
    [Theory]
    [InlineData("1.0.dev456", "<", "1.0a1")]
    [InlineData("1.0a1", "<", "1.0a2.dev456")]
    [InlineData("1.0a2.dev456", "<", "1.0a12.dev456")]
    [InlineData("1.0a12.dev456", "<", "1.0a12")]
    [InlineData("1.0a12", "<", "1.0b1.dev456")]
    [InlineData("1.0b1.dev456", "<", "1.0b2")]
    [InlineData("1.0b2", "<", "1.0b2.post345.dev456")]
    [InlineData("1.0b2.post345.dev456", "<", "1.0b2.post345")]
    [InlineData("1.0b2.post345", "<", "1.0rc1.dev456")]
    [InlineData("1.0rc1.dev456", "<", "1.0rc1")]
    [InlineData("1.0rc1", "<", "1.0")]
    [InlineData("1.0", "<", "1.0+abc.5")]
    [InlineData("1.0+abc.5", "<", "1.0+abc.7")]
    [InlineData("1.0+abc.7", "<", "1.0+5")]
    [InlineData("1.0+5", "<", "1.0.post456.dev34")]
    [InlineData("1.0.post456.dev34", "<", "1.0.post456")]
    [InlineData("1.0.post456", "<", "1.1.dev1")]
    [InlineData("1!0.1", ">", "2.0")]
    [InlineData("1.0", "=", "1.0.0")]
    [InlineData("1.0-1", "=", "1.0.post1")]
    [InlineData("1.0alpha1", "=", "1.0a1")]
    [InlineData("1.0c1", "=", "1.0rc1")]
    [InlineData("1.0-preview-2", "=", "1.0rc2")]
    [InlineData("v1.0", "=", "1.0")]
    [InlineData("1.0.r", "=", "1.0.post0")]
    [InlineData("1.0-dev", "=", "1.0.dev0")]
    [InlineData("1.0+ubuntu-1", "=", "1.0+ubuntu.1")]
    public void Orders_versions_as_pep_440(string left, string op, string right) =>
        ComparerAssert.Orders(Pep440VersionComparer.Instance, left, op, right);

    [Theory]
    [InlineData("french toast")]
    [InlineData("1.0+")]
    [InlineData("1.0-alpha-beta")]
    [InlineData("")]
    public void Rejects_invalid_versions(string version) => ComparerAssert.NotComparable(Pep440VersionComparer.Instance, version);
}
