using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Go binaries: the toolchain (as module <c>stdlib</c>, whose advisories are real) and every module the binary was
/// built from, read from the embedded build info. Local builds' <c>(devel)</c> main modules have no version to match
/// and are skipped.
/// </summary>
public sealed class GoBinaryCataloger : ICataloger
{
    /// <summary>The smallest Go binaries (a bare main) are above this size; smaller ELF files are not worth opening.</summary>
    public const long MinBinaryBytes = 1024 * 1024;

    /// <inheritdoc />
    public string Name => "go-binary";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Size >= MinBinaryBytes && (entry.Executable ?? !HasDataExtension(entry.FileName));
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = tree.Open(entry.Path);
        var info = GoBuildInfoReader.Read(stream);
        if (info is null)
        {
            return [];
        }

        var components = new List<Component>
        {
            ComponentFactory.Create(LanguagePurls.Golang("stdlib", StdlibVersion(info.GoVersion)), entry.Path),
        };
        if (info.MainModule is not null && info.MainVersion is { } mainVersion && mainVersion != "(devel)" && mainVersion.Length > 0)
        {
            components.Add(ComponentFactory.Create(LanguagePurls.Golang(info.MainModule, mainVersion), entry.Path));
        }

        components.AddRange(info.Dependencies
            .Where(d => d.Version.Length > 0 && d.Version != "(devel)")
            .Select(d => ComponentFactory.Create(LanguagePurls.Golang(d.Path, d.Version), entry.Path)));
        return components;
    }

    /// <summary><c>go1.19.8</c> → <c>1.19.8</c>; experiment suffixes (<c>go1.21.0 X:boringcrypto</c>) are dropped.</summary>
    internal static string StdlibVersion(string goVersion)
    {
        var version = goVersion.StartsWith("go", StringComparison.Ordinal) ? goVersion[2..] : goVersion;
        var space = version.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? version[..space] : version;
    }

    private static bool HasDataExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        // Shared libraries and archives of other toolchains are ELF too but carry no Go build info worth the read.
        return name[(dot + 1)..] is "so" or "a" or "o" or "gz" or "xz" or "zst" or "bz2" or "zip" or "jar" or "png" or "jpg" or "svg"
            or "ttf" or "otf" or "woff" or "woff2" or "pdf" or "json" or "js" or "py" or "pyc" or "txt" or "html" or "css" or "dat" or "db"
            or "deb" or "rpm" or "pack" or "idx" or "mo" or "pak" or "bin" or "dll" or "mp3" or "wav" or "sqlite" or "cache" or "md";
    }
}
