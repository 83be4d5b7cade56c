namespace Vigil.Scanning.Registry;

/// <summary>How the registry client connects.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Use plain HTTP instead of HTTPS. Only when the user asks (<c>--insecure</c>): credentials and images travel unprotected.</summary>
    public bool Insecure { get; init; }

    /// <summary>Credentials per registry host (<c>host[:port]</c>); anonymous when none are returned.</summary>
    public Func<string, RegistryCredentials?> Credentials { get; init; } = _ => null;

    /// <summary>Handler for the HTTP client (tests and the console's IHttpClientFactory pass theirs).</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Timeout of one request (not of a whole blob download).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may keep waiting on 429 answers (honouring <c>Retry-After</c>) before it fails as rate limited.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(2);
}
