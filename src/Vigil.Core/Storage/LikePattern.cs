namespace Vigil.Core.Storage;

/// <summary>Escapes user text for a <c>LIKE ... ESCAPE '\'</c> pattern so <c>%</c> and <c>_</c> match themselves.</summary>
public static class LikePattern
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
}
