using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Go modules required by a <c>go.mod</c> (since Go 1.17 it lists every module the build needs, indirect ones
/// included), with <c>replace</c> directives applied. Local path replacements have no version and are dropped. For
/// modules older than Go 1.17, whose go.mod omits indirect dependencies, the sibling <c>go.sum</c> supplies them (its
/// last, i.e. highest, version of each module), as Trivy does.
/// </summary>
public sealed class GoModCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "go-mod";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "go.mod" && !entry.Path.Contains("/pkg/mod/", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new StreamReader(tree.Open(entry.Path));
        var requires = new Dictionary<string, string>(StringComparer.Ordinal);
        var replaces = new Dictionary<string, (string Path, string? Version)>(StringComparer.Ordinal);
        string? block = null;
        var goVersion = "";
        while (reader.ReadLine() is { } raw)
        {
            var comment = raw.IndexOf("//", StringComparison.Ordinal);
            var line = (comment >= 0 ? raw[..comment] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line == ")")
            {
                block = null;
                continue;
            }

            var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && words[1] == "(")
            {
                block = words[0];
                continue;
            }

            if (block is null && words[0] == "go" && words.Length >= 2)
            {
                goVersion = words[1];
            }

            var directive = block ?? words[0];
            var args = block is null ? words[1..] : words;
            if (directive == "require" && args.Length >= 2)
            {
                requires[args[0]] = args[1];
            }
            else if (directive == "replace")
            {
                var arrow = Array.IndexOf(args, "=>");
                if (arrow > 0 && arrow + 1 < args.Length)
                {
                    replaces[args[0]] = (args[arrow + 1], arrow + 2 < args.Length ? args[arrow + 2] : null);
                }
            }
        }

        var components = new List<Component>();
        foreach (var (path, version) in requires)
        {
            var (module, resolved) = replaces.TryGetValue(path, out var replacement) ? (replacement.Path, replacement.Version) : (path, version);
            if (resolved is not null && !module.StartsWith('.') && !module.StartsWith('/'))
            {
                components.Add(ComponentFactory.Create(LanguagePurls.Golang(module, resolved), entry.Path));
            }
        }

        if (IsBefore117(goVersion))
        {
            foreach (var (module, version) in GoSum(tree, TreePaths.Parent(entry.Path)))
            {
                if (!requires.ContainsKey(module) && !replaces.ContainsKey(module))
                {
                    components.Add(ComponentFactory.Create(LanguagePurls.Golang(module, version), entry.Path));
                }
            }
        }

        return components;
    }

    private static bool IsBefore117(string goVersion)
    {
        var parts = goVersion.Split('.');
        return parts.Length < 2 || (int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor) && (major, minor).CompareTo((1, 17)) < 0);
    }

    private static Dictionary<string, string> GoSum(IFileTree tree, string directory)
    {
        var modules = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = directory.Length == 0 ? "go.sum" : $"{directory}/go.sum";
        if (tree.Stat(path) is not { Kind: FileEntryKind.File })
        {
            return modules;
        }

        using var reader = new StreamReader(tree.Open(path));
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3)
            {
                var version = fields[1].EndsWith("/go.mod", StringComparison.Ordinal) ? fields[1][..^7] : fields[1];
                modules[fields[0]] = version;
            }
        }

        return modules;
    }
}
