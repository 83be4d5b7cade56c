using System.Text.RegularExpressions;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Ruby gems: <c>Gemfile.lock</c> (spec lines <c>    name (version[-platform])</c> under each source's <c>specs:</c>)
/// and installed <c>specifications/*.gemspec</c> files that RubyGems writes (<c>s.name = "rake".freeze</c>).
/// </summary>
public sealed partial class RubyGemsCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "rubygems";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "Gemfile.lock"
            || (entry.FileName.EndsWith(".gemspec", StringComparison.Ordinal) && entry.Path.Contains("specifications/", StringComparison.Ordinal)
                && entry.Size < 1024 * 1024);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new StreamReader(tree.Open(entry.Path));
        return entry.FileName == "Gemfile.lock" ? ReadLockfile(reader, entry.Path) : ReadGemspec(reader, entry.Path);
    }

    private static List<Component> ReadLockfile(TextReader reader, string location)
    {
        var components = new List<Component>();
        var inSpecs = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != ' ')
            {
                inSpecs = false;
                continue;
            }

            if (line == "  specs:")
            {
                inSpecs = true;
                continue;
            }

            // Exactly four spaces: a resolved gem; six are its dependency constraints.
            var match = SpecLine().Match(line);
            if (inSpecs && match.Success)
            {
                var version = match.Groups[2].Value;
                var dash = version.IndexOf('-', StringComparison.Ordinal);
                components.Add(Gem(match.Groups[1].Value, dash > 0 ? version[..dash] : version, location));
            }
        }

        return components;
    }

    private static List<Component> ReadGemspec(TextReader reader, string location)
    {
        string? name = null, version = null;
        while (reader.ReadLine() is { } line && (name is null || version is null))
        {
            var match = GemspecAttribute().Match(line);
            if (!match.Success)
            {
                continue;
            }

            if (match.Groups[1].Value == "name")
            {
                name ??= match.Groups[2].Value;
            }
            else
            {
                version ??= match.Groups[2].Value;
            }
        }

        return name is null || version is null ? [] : [Gem(name, version, location)];
    }

    private static Component Gem(string name, string version, string location) =>
        ComponentFactory.Create(new PackageUrl("gem", null, name, version), location);

    [GeneratedRegex(@"^    ([A-Za-z0-9_.\-]+) \(([^)\s]+)\)$")]
    private static partial Regex SpecLine();

    [GeneratedRegex(@"^\s*\w+\.(name|version)\s*=\s*(?:Gem::Version\.new\()?[""']([^""']+)[""']")]
    private static partial Regex GemspecAttribute();
}
