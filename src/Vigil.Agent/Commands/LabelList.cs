namespace Vigil.Agent.Commands;

/// <summary>Parses <c>--labels k=v,k2=v2</c>.</summary>
public static class LabelList
{
    public static Dictionary<string, string> Parse(IEnumerable<string> values)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Label '{pair}' is not key=value.");
            }

            labels[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return labels;
    }
}
