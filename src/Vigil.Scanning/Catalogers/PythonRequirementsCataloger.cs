using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// <c>requirements*.txt</c>: only exact pins (<c>name==1.2.3</c>, <c>name[extra]===1.2.3</c>) name a version;
/// ranges, options (<c>-r</c>, <c>-e</c>, <c>--hash</c>), URLs and environment markers are not packages.
/// </summary>
public sealed class PythonRequirementsCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "python-requirements";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = entry.FileName;
        return name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal)
            && entry.Size < 4 * 1024 * 1024;
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new StreamReader(tree.Open(entry.Path));
        var components = new List<Component>();
        while (reader.ReadLine() is { } raw)
        {
            var line = Strip(raw);
            var pin = line.IndexOf("==", StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '-' || pin <= 0)
            {
                continue;
            }

            var name = line[..pin].Trim();
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0)
            {
                name = name[..bracket].Trim();
            }

            var version = line[(pin + 2)..].TrimStart('=').Trim();
            var end = version.IndexOfAny([' ', ',', '\t']);
            if (end > 0)
            {
                version = version[..end];
            }

            if (name.Length > 0 && version.Length > 0 && !version.Contains('*', StringComparison.Ordinal) && name.All(IsNameChar))
            {
                components.Add(ComponentFactory.Create(LanguagePurls.PyPI(name, version), entry.Path));
            }
        }

        return components;
    }

    private static string Strip(string line)
    {
        // Comments and environment markers ("; python_version < '3.8'") end the requirement.
        var cut = line.IndexOfAny(['#', ';']);
        return (cut >= 0 ? line[..cut] : line).Trim().TrimEnd('\\').Trim();
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
