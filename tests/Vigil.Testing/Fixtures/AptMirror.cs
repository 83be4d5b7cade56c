namespace Vigil.Testing.Fixtures;

/// <summary>Reads the Debian mirror this machine's apt uses, so fixtures fetch from it and no host name is written in the repo.</summary>
public static class AptMirror
{
    /// <summary>The first <c>URIs:</c> (deb822) or <c>deb URL</c> (one-line) source serving <paramref name="suite"/>.</summary>
    public static string? ForSuite(string suite)
    {
        var files = new List<string>();
        if (File.Exists("/etc/apt/sources.list"))
        {
            files.Add("/etc/apt/sources.list");
        }

        if (Directory.Exists("/etc/apt/sources.list.d"))
        {
            files.AddRange(Directory.GetFiles("/etc/apt/sources.list.d").Where(f => f.EndsWith(".list", StringComparison.Ordinal) || f.EndsWith(".sources", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith(".sources", StringComparison.Ordinal))
            {
                foreach (var stanza in text.Split("\n\n"))
                {
                    var fields = stanza.Split('\n').Where(l => l.Contains(':', StringComparison.Ordinal) && !l.StartsWith('#'))
                        .Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                        .GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value);
                    if (fields.TryGetValue("Suites", out var suites) && suites.Split(' ').Contains(suite) && fields.TryGetValue("URIs", out var uris))
                    {
                        return uris.Split(' ')[0];
                    }
                }
            }
            else
            {
                foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("deb ", StringComparison.Ordinal)))
                {
                    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith('[')).ToArray();
                    if (words.Length >= 3 && words[2] == suite)
                    {
                        return words[1];
                    }
                }
            }
        }

        return null;
    }
}
