namespace Vigil.Scanning.Sources;

/// <summary>
/// A scan target could not be read: missing, malformed, hostile (path traversal, link escapes, bombs) or failing
/// digest verification. The message names the file or blob and the reason, in one line.
/// </summary>
public sealed class SourceException : IOException
{
    /// <summary>Creates the exception; <paramref name="what"/> names the file, layer or blob.</summary>
    public SourceException(string what, string reason, Exception? inner = null)
        : base($"{what}: {reason}", inner)
    {
    }
}
