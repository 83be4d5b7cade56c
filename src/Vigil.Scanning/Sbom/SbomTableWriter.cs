namespace Vigil.Scanning.Sbom;

/// <summary>Writes an SBOM as a plain table for people: name, version, type (ecosystem) and where it was found.</summary>
public static class SbomTableWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    public static void Write(SbomDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        if (document.OperatingSystem is { } os)
        {
            output.WriteLine($"OS: {os.PrettyName ?? os.Distro} ({os.Distro})");
        }

        var rows = document.Components
            .OrderBy(c => c.Ecosystem, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new[] { c.Name, c.Version, c.Ecosystem, c.Locations.Count > 0 ? c.Locations[0] + (c.Locations.Count > 1 ? $" (+{c.Locations.Count - 1})" : "") : "" })
            .ToList();
        string[] header = ["NAME", "VERSION", "TYPE", "LOCATION"];
        var widths = header.Select((h, i) => Math.Min(60, rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        WriteRow(output, header, widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }

        output.WriteLine($"{rows.Count} packages");
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i].Length > widths[i] ? cells[i][..(widths[i] - 1)] + "…" : cells[i];
            output.Write(i == cells.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }

        output.WriteLine();
    }
}
