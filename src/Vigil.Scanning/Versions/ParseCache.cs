using System.Collections.Concurrent;

namespace Vigil.Scanning.Versions;

/// <summary>
/// Remembers parsed versions: the matcher compares the same few thousand version strings (range bounds and installed
/// versions) over and over, and parsing dominates comparison for PEP 440, Maven, RubyGems and Composer. Bounded, so a
/// hostile SBOM cannot grow it without limit; when full it starts over.
/// </summary>
internal sealed class ParseCache<T>(Func<string, T?> parse)
    where T : class
{
    private const int Capacity = 200_000;
    private readonly ConcurrentDictionary<string, T?> _entries = new(StringComparer.Ordinal);

    public T? Get(string text)
    {
        if (_entries.TryGetValue(text, out var cached))
        {
            return cached;
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        var parsed = parse(text);
        _entries.TryAdd(text, parsed);
        return parsed;
    }
}
