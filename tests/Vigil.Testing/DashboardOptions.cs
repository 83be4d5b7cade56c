namespace Vigil.Testing;

/// <summary>How a test dashboard starts.</summary>
public sealed record DashboardOptions
{
    /// <summary>Create the bootstrap Admin and Admin API key (headless first start). Off for set-up tests.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Use this data directory (kept after the host stops) instead of a fresh temporary one: restart tests.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Extra configuration, e.g. <c>["Vigil:Feeds:Sources:0"] = path</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Test-only services added after the dashboard's own (e.g. a recording stand-in for a contract another part implements).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
    /// <summary>Receives the dashboard's log (at the configured levels), e.g. a <see cref="CapturedLogs"/>.</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? Logs { get; init; }
}
