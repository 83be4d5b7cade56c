using System.IO.Compression;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Java archives (jar, war, ear, Jenkins plugins): every <c>META-INF/maven/**/pom.properties</c> names a Maven
/// artifact (shaded jars carry several). Without one, <c>MANIFEST.MF</c> gives the artifact when it names a group
/// (<c>Implementation-Vendor-Id</c> or an OSGi <c>Bundle-SymbolicName</c>); nothing is guessed from file names and
/// nothing is looked up on the network. Nested archives (<c>WEB-INF/lib</c>, <c>BOOT-INF/lib</c>) are read in memory,
/// with depth, size and entry-count caps against zip bombs.
/// </summary>
public sealed class JavaArchiveCataloger : ICataloger
{
    private const int MaxDepth = 4;
    private const long MaxNestedBytes = 128L * 1024 * 1024;
    private const int MaxEntries = 100_000;
    private const long MaxArchiveBytes = 2L * 1024 * 1024 * 1024;

    /// <inheritdoc />
    public string Name => "java-archive";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return IsArchiveName(entry.FileName) && entry.Size is > 0 and <= MaxArchiveBytes;
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = tree.Open(entry.Path);
        var components = new List<Component>();
        if (stream.CanSeek)
        {
            ReadArchive(stream, entry.Path, 0, components);
        }
        else
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            ReadArchive(copy, entry.Path, 0, components);
        }

        return components;
    }

    private static void ReadArchive(Stream stream, string location, int depth, List<Component> components)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new InvalidDataException($"{zip.Entries.Count} entries, more than the {MaxEntries} allowed");
        }

        var found = false;
        Dictionary<string, string>? manifest = null;
        foreach (var item in zip.Entries)
        {
            if (item.FullName.StartsWith("META-INF/maven/", StringComparison.Ordinal) && item.FullName.EndsWith("/pom.properties", StringComparison.Ordinal))
            {
                var properties = ReadProperties(item);
                if (properties.TryGetValue("groupId", out var group) && properties.TryGetValue("artifactId", out var artifact)
                    && properties.TryGetValue("version", out var version) && group.Length > 0 && artifact.Length > 0 && version.Length > 0)
                {
                    components.Add(ComponentFactory.Create(new PackageUrl("maven", group, artifact, version), location));
                    found = true;
                }
            }
            else if (item.FullName.Equals("META-INF/MANIFEST.MF", StringComparison.OrdinalIgnoreCase))
            {
                manifest = ReadManifest(item);
            }
            else if (depth < MaxDepth && IsArchiveName(item.Name) && item.Length is > 0 and <= MaxNestedBytes)
            {
                using var nested = new MemoryStream((int)item.Length);
                using (var entryStream = item.Open())
                {
                    CopyCapped(entryStream, nested, item.Length);
                }

                nested.Position = 0;
                ReadArchive(nested, $"{location}!/{item.FullName}", depth + 1, components);
            }
        }

        if (!found && manifest is not null && FromManifest(manifest) is { } purl)
        {
            components.Add(ComponentFactory.Create(purl, location));
        }
    }

    private static PackageUrl? FromManifest(Dictionary<string, string> manifest)
    {
        var version = manifest.GetValueOrDefault("Implementation-Version") ?? manifest.GetValueOrDefault("Bundle-Version");
        var symbolic = manifest.GetValueOrDefault("Bundle-SymbolicName")?.Split(';')[0].Trim();
        var vendorId = manifest.GetValueOrDefault("Implementation-Vendor-Id");
        var title = manifest.GetValueOrDefault("Implementation-Title");
        if (string.IsNullOrEmpty(version))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(vendorId) && !string.IsNullOrEmpty(title) && !title.Contains(' ', StringComparison.Ordinal))
        {
            return new PackageUrl("maven", vendorId, title, version);
        }

        var dot = symbolic?.LastIndexOf('.') ?? -1;
        return dot > 0 ? new PackageUrl("maven", symbolic![..dot], symbolic[(dot + 1)..], version) : null;
    }

    private static Dictionary<string, string> ReadProperties(ZipArchiveEntry item)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(item.Open());
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            var equals = line.IndexOfAny(['=', ':']);
            if (line.Length > 0 && line[0] is not '#' and not '!' && equals > 0)
            {
                result[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return result;
    }

    private static Dictionary<string, string> ReadManifest(ZipArchiveEntry item)
    {
        // Only the main section matters; per-entry sections start after the first blank line.
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var reader = new StreamReader(item.Open());
        string? last = null;
        while (reader.ReadLine() is { } line && line.Length > 0)
        {
            if (line[0] == ' ' && last is not null)
            {
                result[last] += line[1..];
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim();
                result[last] = line[(colon + 1)..].Trim();
            }
        }

        return result;
    }

    private static void CopyCapped(Stream source, Stream destination, long declared)
    {
        // The declared size can lie; stop at it rather than trusting the decompressor's output length.
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            if (total > Math.Min(declared, MaxNestedBytes))
            {
                throw new InvalidDataException("nested archive inflates beyond its declared size");
            }

            destination.Write(buffer, 0, read);
        }
    }

    private static bool IsArchiveName(string name) =>
        name.EndsWith(".jar", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".war", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ear", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpi", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".hpi", StringComparison.OrdinalIgnoreCase);
}
