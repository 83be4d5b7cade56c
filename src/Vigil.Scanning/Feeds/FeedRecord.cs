namespace Vigil.Scanning.Feeds;

/// <summary>One raw record read from a source, before parsing.</summary>
/// <param name="Origin">File path or <c>zip!entry</c>, for reports.</param>
/// <param name="Content">The bytes, or null when the record could not be read (then <paramref name="Error"/> says why).</param>
/// <param name="Error">Why the record could not be read.</param>
public sealed record FeedRecord(string Origin, byte[]? Content, string? Error);
