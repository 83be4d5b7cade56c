namespace Vigil.Dashboard.Feeds;

/// <summary>How a configured feed source's imports went (a row of <c>feed_sources</c>; never-tried sources have only a name).</summary>
public sealed record FeedSourceStatus
{
    public required string Source { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Advisories the source held at its last successful import.</summary>
    public int AdvisoryCount { get; init; }

    /// <summary>Why the last attempt failed; null when it succeeded.</summary>
    public string? LastError { get; init; }

    /// <summary>For a URL: the ETag of the downloaded copy, which makes an unchanged feed cost one 304.</summary>
    public string? Etag { get; init; }

    /// <summary>For a URL: the server's Last-Modified of the downloaded copy.</summary>
    public DateTimeOffset? LastModified { get; init; }
}
