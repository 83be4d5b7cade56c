namespace Vigil.Dashboard.Hosting;

/// <summary>When this console process started (uptime on the health page).</summary>
public sealed record StartInfo(DateTimeOffset StartedAt);
