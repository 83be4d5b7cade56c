namespace Vigil.Scanning.Feeds;

/// <summary>A record an import skipped: where it came from and why.</summary>
/// <param name="File">Source file, or <c>zip!entry</c> for a zip entry.</param>
/// <param name="Reason">What was wrong with it.</param>
public sealed record SkippedAdvisory(string File, string Reason);
