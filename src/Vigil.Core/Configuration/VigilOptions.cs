namespace Vigil.Core.Configuration;

/// <summary>The <c>Vigil</c> configuration section (contracts §1).</summary>
public sealed class VigilOptions
{
    public const string SectionName = "Vigil";

    /// <summary>SQLite file, feed store, blobs. Relative paths resolve against the folder of appsettings.json.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public BootstrapOptions Bootstrap { get; set; } = new();

    public PluginOptions Plugins { get; set; } = new();

    public DataProtectionOptions DataProtection { get; set; } = new();

    /// <summary>Base URL used in links that leave the dashboard (notifications); the request's own when empty.</summary>
    public string? PublicUrl { get; set; }
}

public sealed class DatabaseOptions
{
    public Storage.DatabaseProvider Provider { get; set; } = Storage.DatabaseProvider.Sqlite;
}

/// <summary>Headless first start: used only while no user exists.</summary>
public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public string? ApiKey { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(AdminEmail) || !string.IsNullOrWhiteSpace(AdminPassword) || !string.IsNullOrWhiteSpace(ApiKey);
}

public sealed class PluginOptions
{
    /// <summary>Folder of plugin folders; relative paths resolve against the folder of appsettings.json.</summary>
    public string Directory { get; set; } = "plugins/bin";
}

/// <summary>Where the certificate that wraps the Data Protection key ring comes from.</summary>
public sealed class DataProtectionOptions
{
    /// <summary>A PKCS#12 file; when empty, a certificate created in the data directory on first start.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
