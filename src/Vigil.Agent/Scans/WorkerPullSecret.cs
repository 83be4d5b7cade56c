namespace Vigil.Agent.Scans;

/// <summary>
/// The registry login an image scan's SBOM worker reads as the first line of its stdin: never on its command line,
/// where any user of the machine could read it from /proc.
/// </summary>
public sealed record WorkerPullSecret(string Username, string Password);
