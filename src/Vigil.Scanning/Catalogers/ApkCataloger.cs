using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Alpine packages from <c>lib/apk/db/installed</c>: blocks of one-letter fields (<c>P</c> name, <c>V</c> version,
/// <c>A</c> arch, <c>o</c> origin, the source package Alpine's secdb keys advisories on).
/// </summary>
public sealed class ApkCataloger : ICataloger
{
    private const string InstalledPath = "lib/apk/db/installed";

    /// <inheritdoc />
    public string Name => "apk";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Path == InstalledPath || entry.Path.EndsWith("/" + InstalledPath, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new StreamReader(tree.Open(entry.Path));
        var components = new List<Component>();
        string? name = null, version = null, arch = null, origin = null;
        while (true)
        {
            var line = reader.ReadLine();
            if (string.IsNullOrWhiteSpace(line))
            {
                if (name is not null && version is not null)
                {
                    var purl = DistroPurls.Create("apk", context, name, version, arch);
                    components.Add(ComponentFactory.Create(purl, entry.Path, origin ?? name, version));
                }

                name = version = arch = origin = null;
                if (line is null)
                {
                    break;
                }

                continue;
            }

            if (line.Length < 2 || line[1] != ':')
            {
                continue;
            }

            var value = line[2..];
            switch (line[0])
            {
                case 'P': name = value; break;
                case 'V': version = value; break;
                case 'A': arch = value; break;
                case 'o': origin = value; break;
            }
        }

        return components;
    }
}
