using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Identifies a tree's distribution from <c>etc/os-release</c> or <c>usr/lib/os-release</c> (os-release(5)); the
/// result names the purl namespace and <c>distro</c> qualifier of every distro package.
/// </summary>
public static class OsReleaseReader
{
    /// <summary>Where os-release(5) says to look, in order.</summary>
    public static readonly IReadOnlyList<string> Paths = ["etc/os-release", "usr/lib/os-release"];

    /// <summary>The tree's distribution, or null when it has no readable os-release.</summary>
    public static OperatingSystemIdentity? Identify(IFileTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        foreach (var path in Paths)
        {
            try
            {
                using var stream = tree.Open(path);
                using var reader = new StreamReader(stream);
                var identity = Parse(reader.ReadToEnd());
                if (identity is not null)
                {
                    return identity;
                }
            }
            catch (FileNotFoundException)
            {
                // Try the next location.
            }
        }

        return null;
    }

    /// <summary>Parses os-release text; null without an <c>ID</c>.</summary>
    public static OperatingSystemIdentity? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            values[line[..equals]] = Unquote(line[(equals + 1)..]);
        }

        return values.TryGetValue("ID", out var id) && id.Length > 0
            ? new OperatingSystemIdentity(
                id.ToLowerInvariant(),
                values.GetValueOrDefault("VERSION_ID") ?? "",
                values.GetValueOrDefault("PRETTY_NAME"),
                values.GetValueOrDefault("VERSION_CODENAME"))
            : null;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
        {
            value = value[1..^1];
        }

        // Shell-style escapes os-release(5) allows inside double quotes.
        return value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }
}
