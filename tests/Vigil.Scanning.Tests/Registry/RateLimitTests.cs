using System.Diagnostics;
using Vigil.Scanning.Registry;
using Vigil.Scanning.Sources;
using Vigil.Testing;

namespace Vigil.Scanning.Tests.Registry;

/// <summary>A registry on 127.0.0.1 that answers 429 Too Many Requests with <c>Retry-After</c>.</summary>
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string> RetryAfterOne = new() { ["Retry-After"] = "1" };

    [Fact]
    public async Task Waits_as_Retry_After_says_then_sends_again()
    {
        await using var registry = await HttpRecorder.StartAsync();
        registry.Enqueue(new ScriptedResponse(429, "", RetryAfterOne), new ScriptedResponse(429, "", RetryAfterOne));
        registry.Default = new ScriptedResponse(200, "{}");
        using var client = new RegistryClient(new RegistryClientOptions { Insecure = true });

        var clock = Stopwatch.StartNew();
        await client.CheckAsync(registry.BaseAddress.Authority, TestContext.Current.CancellationToken);

        Assert.Equal(3, registry.Requests.Count(r => r.Path == "/v2/"));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after {clock.Elapsed.TotalSeconds:0.0} s, before Retry-After allowed");
    }

    [Fact]
    public async Task Gives_up_as_rate_limited_when_the_wait_would_pass_the_limit()
    {
        await using var registry = await HttpRecorder.StartAsync();
        registry.Default = new ScriptedResponse(429, "", RetryAfterOne);
        using var client = new RegistryClient(new RegistryClientOptions { Insecure = true, MaxRateLimitWait = TimeSpan.FromSeconds(2) });

        var error = await Assert.ThrowsAsync<SourceException>(() => client.CheckAsync(registry.BaseAddress.Authority, TestContext.Current.CancellationToken));

        Assert.Contains("rate limited for too long", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, registry.Requests.Count);
    }
}
