namespace Vigil.Workflows.Expressions;

/// <summary>Bounds on one JavaScript evaluation, so a runaway expression faults its instance and never the process.</summary>
public sealed record ExpressionLimits
{
    /// <summary>Wall-clock limit of one evaluation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Maximum depth of nested function calls.</summary>
    public int RecursionDepth { get; init; } = 64;

    /// <summary>Maximum statements executed by one evaluation.</summary>
    public int MaxStatements { get; init; } = 1_000_000;
}
