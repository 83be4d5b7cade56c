namespace Vigil.Cli.Scan;

/// <summary>Bad command-line input or an unusable file; reported as one stderr line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
