namespace Vigil.Cli.Scan;

/// <summary>The CI contract of <c>vigil scan</c> and <c>vigil feed</c>.</summary>
public static class ExitCodes
{
    /// <summary>Ran, and no fail criterion was met (or none was given).</summary>
    public const int Ok = 0;

    /// <summary>A fail criterion was met.</summary>
    public const int Failed = 1;

    /// <summary>Could not run; one line on stderr says why.</summary>
    public const int Error = 2;
}
