namespace Vigil.Scanning.Policies;

/// <summary>
/// Reads an ignore file: YAML (<c>.yaml</c>/<c>.yml</c>: a list, or <c>ignore:</c> with a list, of ids or
/// <c>{id, expires, reason}</c>) or plain text as Trivy's <c>.trivyignore</c> writes it, one id per line with optional
/// <c>exp:YYYY-MM-DD</c> and a reason after it; <c>#</c> starts a comment.
/// </summary>
public static class IgnoreFileReader
{
    /// <summary>Reads the rules of <paramref name="path"/>.</summary>
    /// <exception cref="PolicyFormatException">The file is missing or invalid.</exception>
    public static IReadOnlyList<IgnoreRule> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new PolicyFormatException($"ignore file not found: {path}");
        }

        try
        {
            var text = File.ReadAllText(path);
            if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(PolicyReader.YamlToJson(text));
                return PolicyReader.IgnoreRules(node is System.Text.Json.Nodes.JsonObject o ? o["ignore"] ?? o["ignoreIds"] : node);
            }

            return ReadText(text);
        }
        catch (PolicyFormatException e)
        {
            throw new PolicyFormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses the plain-text form.</summary>
    public static IReadOnlyList<IgnoreRule> ReadText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<IgnoreRule>();
        foreach (var raw in text.Split('\n'))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var comment = hash >= 0 ? raw[(hash + 1)..].Trim() : null;
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            DateOnly? expires = null;
            var reason = new List<string>();
            foreach (var word in words.Skip(1))
            {
                if (word.StartsWith("exp:", StringComparison.Ordinal))
                {
                    expires = PolicyReader.ParseDate(word[4..]);
                }
                else
                {
                    reason.Add(word);
                }
            }

            var why = reason.Count > 0 ? string.Join(' ', reason) : comment;
            rules.Add(new IgnoreRule(words[0], expires, string.IsNullOrEmpty(why) ? null : why));
        }

        return rules;
    }
}
