using System.Diagnostics;
using System.Net;
using Vigil.Scanning.Registry;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Registry;

/// <summary>A registry on 127.0.0.1 that answers 429 Too Many Requests with <c>Retry-After: 1</c>.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Waits_as_Retry_After_says_then_sends_again()
    {
        using var registry = new ThrottlingRegistry(throttled: 2);
        using var client = new RegistryClient(new RegistryClientOptions { Insecure = true });

        var clock = Stopwatch.StartNew();
        await client.CheckAsync(registry.Host, TestContext.Current.CancellationToken);

        Assert.Equal(3, registry.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after {clock.Elapsed.TotalSeconds:0.0} s, before Retry-After allowed");
    }

    [Fact]
    public async Task Gives_up_as_rate_limited_when_the_wait_would_pass_the_limit()
    {
        using var registry = new ThrottlingRegistry(throttled: int.MaxValue);
        using var client = new RegistryClient(new RegistryClientOptions { Insecure = true, MaxRateLimitWait = TimeSpan.FromSeconds(2) });

        var error = await Assert.ThrowsAsync<SourceException>(() => client.CheckAsync(registry.Host, TestContext.Current.CancellationToken));

        Assert.Contains("rate limited for too long", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, registry.Requests);
    }

    /// <summary>Answers the first <c>throttled</c> requests 429 with <c>Retry-After: 1</c>, then 200 <c>{}</c>.</summary>
    private sealed class ThrottlingRegistry : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _requests;

        public ThrottlingRegistry(int throttled)
        {
            Host = $"127.0.0.1:{FreePort.Next()}";
            _listener.Prefixes.Add($"http://{Host}/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    var n = Interlocked.Increment(ref _requests);
                    if (n <= throttled)
                    {
                        context.Response.StatusCode = 429;
                        context.Response.Headers["Retry-After"] = "1";
                    }
                    else
                    {
                        context.Response.StatusCode = 200;
                        await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
                    }

                    context.Response.Close();
                }
            });
        }

        public string Host { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();
    }
}
