namespace Vigil.Plugins.Notifications.Http;

/// <summary>
/// How often a channel retries one send within a console call: on 408, 429, 5xx, timeouts and network errors, waiting
/// the remote's Retry-After (capped) or an exponential backoff. The console's delivery queue retries over minutes on top.
/// </summary>
/// <param name="MaxAttempts">Attempts in total, the first included.</param>
/// <param name="BaseDelay">Wait after the first failure; doubled after each further one.</param>
/// <param name="MaxDelay">The longest wait, whatever Retry-After asks (the console's call limit is 60 s).</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly RetryPolicy Default = new(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));

    public TimeSpan Backoff(int failedAttempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Min(failedAttempt - 1, 16))));
}
