namespace Vigil.Scanning.Feeds;

/// <summary>An import that cannot complete (missing source, corrupt zip, download failure); the previous snapshot stays current.</summary>
public sealed class FeedImportException(string message, Exception? inner = null) : Exception(message, inner);
