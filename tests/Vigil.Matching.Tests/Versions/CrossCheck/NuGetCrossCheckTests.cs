using NuGet.Versioning;
using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions.CrossCheck;

public sealed class NuGetCrossCheckTests
{
    private static string Version(Random r) =>
        VersionGenerator.Numbers(r, 1, 4) +
        VersionGenerator.Pick(r, "", "", "-beta", "-BETA", "-beta.2", "-beta.10", "-rc1", "-preview.1.2", "-Alpha") +
        VersionGenerator.Pick(r, "", "", "+sha.1");

    [Fact]
    public void Agrees_with_NuGet_Versioning_on_generated_pairs()
    {
        var pairs = new VersionGenerator(4).Pairs(Version, (r, v) => VersionGenerator.Tweak(r, v, ".0", "-beta"));
        var expected = pairs
            .Select(p => NuGetVersion.TryParse(p.Left, out var a) && NuGetVersion.TryParse(p.Right, out var b) ? Math.Sign(a.CompareTo(b)) : (int?)null)
            .ToArray();
        ReferenceTool.AssertAgree(NuGetVersionComparer.Instance, pairs, expected);
    }
}
