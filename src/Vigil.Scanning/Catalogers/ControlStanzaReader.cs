namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Reads deb822 control data (dpkg's status file): stanzas separated by blank lines, "Field: value" lines,
/// continuation lines starting with a space. Only the first line of each field is kept; package databases need
/// no multi-line field here, and skipping them keeps large status files cheap.
/// </summary>
public static class ControlStanzaReader
{
    /// <summary>Yields one case-insensitive field dictionary per stanza.</summary>
    public static IEnumerable<Dictionary<string, string>> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.AsSpan().Trim().Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return fields;
                    fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                continue;
            }

            if (line[0] is ' ' or '\t' or '#')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }

        if (fields.Count > 0)
        {
            yield return fields;
        }
    }
}
