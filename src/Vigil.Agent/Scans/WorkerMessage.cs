namespace Vigil.Agent.Scans;

/// <summary>
/// One JSON line the SBOM worker writes on stdout: progress (<see cref="Stage"/>, <see cref="Percent"/>) or, last, an
/// <see cref="Error"/> in words a user can act on.
/// </summary>
public sealed record WorkerMessage(string? Stage, int Percent, long Files = 0, string? Error = null);
