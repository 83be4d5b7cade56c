using System.Globalization;

namespace Vigil.Agent.Facts;

/// <summary>TCP ports the machine listens on, from <c>/proc/net/tcp</c> and <c>tcp6</c> (state 0A = LISTEN).</summary>
public static class ListeningPorts
{
    public static IReadOnlyList<int> Read(string procNet = "/proc/net")
    {
        var ports = new SortedSet<int>();
        foreach (var file in new[] { "tcp", "tcp6" })
        {
            try
            {
                foreach (var port in Parse(File.ReadLines(Path.Combine(procNet, file))))
                {
                    ports.Add(port);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // No IPv6, or no /proc (a restricted container): report what can be read.
            }
        }

        return ports.ToList();
    }

    /// <summary>Ports of the LISTEN rows of a /proc/net/tcp-style table (header line skipped).</summary>
    public static IEnumerable<int> Parse(IEnumerable<string> lines)
    {
        foreach (var line in lines.Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 4 || columns[3] != "0A")
            {
                continue;
            }

            var colon = columns[1].LastIndexOf(':');
            if (colon > 0 && int.TryParse(columns[1][(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
            {
                yield return port;
            }
        }
    }
}
