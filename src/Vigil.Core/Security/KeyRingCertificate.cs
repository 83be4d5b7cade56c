using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vigil.Core.Configuration;

namespace Vigil.Core.Security;

/// <summary>
/// The certificate that wraps the Data Protection key ring. The keys live in the database and the certificate outside
/// it, so a copy of the database alone (a backup, a dump) cannot decrypt the integration secrets stored beside them.
/// </summary>
public static class KeyRingCertificate
{
    public const string DefaultFileName = "key-ring.pfx";

    /// <summary>
    /// Loads <see cref="DataProtectionOptions.CertificatePath"/> when configured (required when several consoles
    /// share one database); otherwise a certificate in the data directory, created on first start, owner-only.
    /// </summary>
    public static X509Certificate2 Load(DataProtectionOptions options, DataDirectory dataDirectory, string configRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = Path.GetFullPath(options.CertificatePath, configRoot);
            return Read(path, options.CertificatePassword, "Vigil:DataProtection:CertificatePath");
        }

        var generated = dataDirectory.Combine(DefaultFileName);
        if (!File.Exists(generated))
        {
            CreateOwnerOnly(generated);
        }

        return Read(generated, password: null, "the data directory's key-ring certificate");
    }

    private static X509Certificate2 Read(string path, string? password, string source)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate at {path} ({source}) has no private key; the key ring cannot be unwrapped with it.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"Cannot read the key-ring certificate at {path} ({source}): {ex.Message}", ex);
        }
    }

    private static void CreateOwnerOnly(string path)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Vigil key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var pfx = certificate.Export(X509ContentType.Pkcs12);

        // Written to a temporary name first so a crash never leaves a half-written certificate that fails every start.
        var temporary = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        {
            stream.Write(pfx);
        }

        File.Move(temporary, path, overwrite: false);
    }
}
