namespace Vigil.Cli.Commands;

/// <summary>The parsed arguments of <c>vigil sbom</c>.</summary>
/// <param name="Target">What to scan, with or without a source prefix.</param>
/// <param name="Format"><c>cyclonedx</c> or <c>table</c>.</param>
/// <param name="Output">File to write, or null for stdout.</param>
/// <param name="SkipDirs">Directories not to walk.</param>
/// <param name="Platform">Image platform, or null for linux/amd64.</param>
/// <param name="Insecure">Plain HTTP to the registry.</param>
public sealed record SbomRequest(string Target, string Format, FileInfo? Output, IReadOnlyList<string> SkipDirs, string? Platform, bool Insecure);
