using System.Text.RegularExpressions;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry;

/// <summary>Which tags of a repository count: a name pattern (glob or regex), pushed within N days, newest N.</summary>
internal sealed class TagFilter
{
    private readonly Regex? _pattern;

    private TagFilter(Regex? pattern, int? newest, int? withinDays)
    {
        _pattern = pattern;
        Newest = newest;
        WithinDays = withinDays;
    }

    public int? Newest { get; }

    public int? WithinDays { get; }

    public static TagFilter None { get; } = new(null, null, null);

    public static TagFilter From(ConnectorSettings settings)
    {
        var pattern = settings.GetString("tagPattern");
        Regex? regex = null;
        if (pattern is not null)
        {
            var kind = settings.GetString("tagPatternKind") ?? "glob";
            try
            {
                regex = kind == "regex"
                    ? new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))
                    : Glob(pattern);
            }
            catch (ArgumentException ex)
            {
                throw new ConnectorSettingsException("tagPattern", $"not a valid regular expression: {ex.Message}");
            }
        }

        int? Positive(string name) => settings.Has(name) ? (int)Math.Clamp(settings.GetInteger(name, 0), 1, int.MaxValue) : null;
        return new TagFilter(regex, Positive("newestTags"), Positive("pushedWithinDays"));
    }

    /// <summary>Whether a tag's name passes (checked before its manifest is fetched).</summary>
    public bool NameMatches(string tag) => _pattern is null || _pattern.IsMatch(tag);

    /// <summary>Date filter, newest push first (unknown dates last, then by name), then the newest N.</summary>
    public IReadOnlyList<RegistryImageTag> Select(IEnumerable<RegistryImageTag> tags, DateTimeOffset now)
    {
        var cutoff = WithinDays is { } days ? now.AddDays(-days) : (DateTimeOffset?)null;
        var selected = tags
            .Where(t => cutoff is null || (t.PushedAt is { } at && at >= cutoff))
            .OrderByDescending(t => t.PushedAt ?? DateTimeOffset.MinValue)
            .ThenBy(t => t.Tag, StringComparer.Ordinal);
        return (Newest is { } n ? selected.Take(n) : selected).ToArray();
    }

    /// <summary><c>*</c> any run of characters, <c>?</c> one character, everything else literal; the whole tag must match.</summary>
    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
