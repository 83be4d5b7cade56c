using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Security;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Core.Tests;

/// <summary>The Data Protection keys sit in the database wrapped by a certificate kept outside it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeyRingProtectionTests
{
    [Fact]
    public async Task Keys_are_stored_encrypted_and_the_secrets_survive_a_restart()
    {
        using var root = new TempDirectory();
        string protectedSecret;
        await using (var first = Start(root.Path, "data"))
        {
            protectedSecret = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("registry-password");
            await using var connection = await first.GetRequiredService<IDbConnectionFactory>().OpenAsync();
            var keys = (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }

        var certificate = Path.Combine(root.Path, "data", KeyRingCertificate.DefaultFileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));

        await using var restarted = Start(root.Path, "data");
        Assert.Equal("registry-password", restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedSecret));
    }

    [Fact]
    public async Task A_copy_of_the_database_alone_cannot_decrypt_the_secrets()
    {
        using var root = new TempDirectory();
        string protectedSecret;
        await using (var original = Start(root.Path, "data"))
        {
            protectedSecret = original.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("registry-password");
        }

        Directory.CreateDirectory(Path.Combine(root.Path, "stolen"));
        File.Copy(Path.Combine(root.Path, "data", "vigil.db"), Path.Combine(root.Path, "stolen", "vigil.db"));

        await using var thief = Start(root.Path, "stolen");
        Assert.ThrowsAny<CryptographicException>(() => thief.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedSecret));
    }

    [Fact]
    public void A_configured_certificate_that_is_missing_stops_start_up_naming_it()
    {
        using var root = new TempDirectory();
        var missing = Path.Combine(root.Path, "keys", "vigil.pfx");

        var error = Assert.Throws<InvalidOperationException>(() => Start(root.Path, "data", ("Vigil:DataProtection:CertificatePath", missing)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("Vigil:DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Start(string root, string dataDirectory, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Vigil:DataDirectory"] = dataDirectory })
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddVigilCore(configuration, root).BuildServiceProvider();
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        return services;
    }
}
