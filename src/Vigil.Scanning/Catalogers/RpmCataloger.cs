using Microsoft.Data.Sqlite;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// RPM packages from the SQLite rpmdb (<c>rpmdb.sqlite</c>, RPM 4.16+: Fedora 33+, RHEL 9, openSUSE). The Berkeley DB
/// (<c>Packages</c>, RHEL ≤ 8) and NDB (<c>Packages.db</c>, SUSE) formats are not read yet. The database and its WAL are
/// copied to a private temporary folder first: SQLite needs a real file, and the scanned tree is never written to.
/// </summary>
public sealed class RpmCataloger : ICataloger
{
    private const long MaxDatabaseBytes = 1024L * 1024 * 1024;

    /// <inheritdoc />
    public string Name => "rpm";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "rpmdb.sqlite" && entry.Size <= MaxDatabaseBytes;
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(context);
        var scratch = Directory.CreateTempSubdirectory("vigil-rpmdb-");
        try
        {
            var database = Path.Combine(scratch.FullName, "rpmdb.sqlite");
            CopyOut(tree, entry.Path, database);
            if (tree.Stat(entry.Path + "-wal") is { Kind: FileEntryKind.File })
            {
                // Recent transactions may still sit in the write-ahead log.
                CopyOut(tree, entry.Path + "-wal", database + "-wal");
            }

            return ReadPackages(database, entry.Path, context);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static List<Component> ReadPackages(string database, string location, CatalogContext context)
    {
        var components = new List<Component>();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT blob FROM Packages";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var header = RpmHeader.Parse((byte[])reader[0]);
            var name = header.String(RpmHeader.TagName);
            var version = header.String(RpmHeader.TagVersion);
            var release = header.String(RpmHeader.TagRelease);
            // gpg-pubkey entries are imported signing keys, not software.
            if (name is null || version is null || name == "gpg-pubkey")
            {
                continue;
            }

            var epoch = header.Int32(RpmHeader.TagEpoch);
            var full = release is null ? version : $"{version}-{release}";
            var purl = DistroPurls.Create("rpm", context, name, full, header.String(RpmHeader.TagArch), epoch?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var (sourceName, sourceVersion) = Source(header.String(RpmHeader.TagSourceRpm), epoch);
            components.Add(ComponentFactory.Create(purl, location, sourceName ?? name, sourceVersion ?? ComponentFactory.InstalledVersion(purl)));
        }

        return components;
    }

    /// <summary><c>openssl-3.0.7-27.el9.src.rpm</c> → (<c>openssl</c>, <c>[epoch:]3.0.7-27.el9</c>).</summary>
    internal static (string? Name, string? Version) Source(string? sourceRpm, int? epoch)
    {
        if (string.IsNullOrEmpty(sourceRpm))
        {
            return (null, null);
        }

        var stem = sourceRpm.EndsWith(".src.rpm", StringComparison.Ordinal) ? sourceRpm[..^8]
            : sourceRpm.EndsWith(".nosrc.rpm", StringComparison.Ordinal) ? sourceRpm[..^10] : sourceRpm;
        var releaseDash = stem.LastIndexOf('-');
        var versionDash = releaseDash > 0 ? stem.LastIndexOf('-', releaseDash - 1) : -1;
        if (versionDash <= 0)
        {
            return (null, null);
        }

        var version = stem[(versionDash + 1)..];
        return (stem[..versionDash], epoch is > 0 ? $"{epoch}:{version}" : version);
    }

    private static void CopyOut(IFileTree tree, string path, string destination)
    {
        using var source = tree.Open(path);
        using var target = File.Create(destination);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            if (total > MaxDatabaseBytes)
            {
                throw new InvalidDataException($"rpm database larger than {MaxDatabaseBytes} bytes");
            }

            target.Write(buffer, 0, read);
        }
    }
}
