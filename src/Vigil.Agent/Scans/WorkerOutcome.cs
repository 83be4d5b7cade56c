namespace Vigil.Agent.Scans;

/// <summary>How an SBOM worker run ended: written (<see cref="Error"/> null), failed with a reason, or stopped by the console.</summary>
public sealed record WorkerOutcome(string? Error, bool StoppedByConsole = false);
