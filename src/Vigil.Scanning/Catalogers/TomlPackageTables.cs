namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Reads the <c>[[package]]</c> tables of TOML lockfiles (Cargo.lock, poetry.lock, uv.lock): each table's top-level
/// <c>key = "string"</c> and <c>key = { inline table }</c> lines. That is all a lockfile's package identity needs;
/// a full TOML parser is not served here and would read far more than the catalogers use.
/// </summary>
public static class TomlPackageTables
{
    /// <summary>Yields one key/raw-value dictionary per <c>[[package]]</c> table; string values are unquoted.</summary>
    public static IEnumerable<Dictionary<string, string>> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Dictionary<string, string>? current = null;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = line == "[[package]]" ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current is null || equals <= 0 || line.StartsWith('#'))
            {
                continue;
            }

            var key = line[..equals].Trim().Trim('"');
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            current.TryAdd(key, value);
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
