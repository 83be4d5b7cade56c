namespace Vigil.Scanning.Feeds;

/// <summary>A feed zip in the download cache.</summary>
/// <param name="Path">The local zip.</param>
/// <param name="Changed">Whether this download replaced the cached copy (false: the server answered 304).</param>
/// <param name="ETag">The server's ETag for the copy, if it sent one.</param>
/// <param name="LastModified">The server's Last-Modified for the copy, if it sent one.</param>
public sealed record FeedDownload(string Path, bool Changed, string? ETag, DateTimeOffset? LastModified);
