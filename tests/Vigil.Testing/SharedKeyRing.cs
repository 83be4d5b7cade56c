using Vigil.Core.Configuration;
using Vigil.Core.Security;

namespace Vigil.Testing;

/// <summary>
/// One key-ring certificate per test process, configured like a deployment that sets
/// <c>Vigil:DataProtection:CertificatePath</c>: generating a 3072-bit key per dashboard start would cost seconds of
/// CPU across the suite. The generated default itself is covered by the Core tests.
/// </summary>
public static class SharedKeyRing
{
    private static readonly Lazy<string> Certificate = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("vigil-key-ring-").FullName;
        using var created = KeyRingCertificate.Load(new DataProtectionOptions(), new DataDirectory(folder), folder);
        return Path.Combine(folder, KeyRingCertificate.DefaultFileName);
    });

    public static string CertificatePath => Certificate.Value;
}
