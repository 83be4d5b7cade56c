using System.Text.RegularExpressions;

namespace Vigil.Core.Nodes;

/// <summary>Validation of node labels (<c>key=value</c>), shared by enrollment tokens, enrollment and filters.</summary>
public static partial class NodeLabels
{
    public const int MaxCount = 50;
    public const int MaxValueLength = 200;

    /// <summary>Checks every label; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyDictionary<string, string>? labels, string parameterName)
    {
        if (labels is null || labels.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (labels.Count > MaxCount)
        {
            throw new ArgumentException($"At most {MaxCount} labels are allowed.", parameterName);
        }

        foreach (var (key, value) in labels)
        {
            if (!KeyPattern().IsMatch(key ?? ""))
            {
                throw new ArgumentException($"Label key '{key}' is not valid: use letters, digits, '.', '_', '/' or '-' (up to 63, starting with a letter or digit).", parameterName);
            }

            if (value is null || value.Length > MaxValueLength || value.Any(char.IsControl))
            {
                throw new ArgumentException($"Label '{key}' needs a value of at most {MaxValueLength} printable characters.", parameterName);
            }
        }

        return new Dictionary<string, string>(labels, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="key"/> is a valid label key.</summary>
    public static bool IsValidKey(string key) => KeyPattern().IsMatch(key);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$")]
    private static partial Regex KeyPattern();
}
