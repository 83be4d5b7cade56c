namespace Vigil.Dashboard.Cloud;

/// <summary><c>Vigil:Cloud</c>: how failed removals through a cloud connector are retried.</summary>
public sealed class CloudOptions
{
    /// <summary>The wait before the first retry; each further one doubles it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all (the first included) before a removal is given up and left to people.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How often due retries are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after attempt <paramref name="attempt"/> (1-based) failed.</summary>
    public TimeSpan DelayAfter(int attempt) => RetryDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
}
