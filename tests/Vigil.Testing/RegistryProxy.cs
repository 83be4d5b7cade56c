using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Testing;

/// <summary>
/// A real HTTP proxy on 127.0.0.1 in front of a registry: forwards every request, records its method, path and
/// answer status, tracks how many blob downloads are in flight at once, and can answer the next requests with 429
/// Too Many Requests (with <c>Retry-After</c>) or delay blob answers, so tests observe what the console pulls.
/// </summary>
public sealed class RegistryProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly ConcurrentQueue<(string Method, string Path, int Status)> _requests = new();
    private readonly string _target;
    private int _throttle;
    private int _inFlight;
    private int _maxInFlight;

    private RegistryProxy(WebApplication app, string target)
    {
        _app = app;
        _target = target;
    }

    /// <summary><c>127.0.0.1:PORT</c> to configure as the registry.</summary>
    public string Host { get; private set; } = "";

    /// <summary>Every request so far with the status it was answered with.</summary>
    public IReadOnlyList<(string Method, string Path, int Status)> Requests => [.. _requests];

    /// <summary>Most blob downloads in flight at the same time since <see cref="ResetConcurrency"/>.</summary>
    public int MaxBlobsInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Delay before each blob answer (makes overlapping pulls observable).</summary>
    public TimeSpan BlobDelay { get; set; }

    /// <summary>Paths of blob GETs answered 200.</summary>
    public IReadOnlyList<string> BlobsPulled => Requests.Where(r => r.Method == "GET" && r.Path.Contains("/blobs/", StringComparison.Ordinal) && r.Status == 200).Select(r => r.Path).ToList();

    public static async Task<RegistryProxy> StartAsync(string registryHost)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new RegistryProxy(app, registryHost);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException("no server");
        proxy.Host = new Uri(address).Authority;
        return proxy;
    }

    /// <summary>The next <paramref name="count"/> requests are answered 429 with <c>Retry-After: 1</c>.</summary>
    public void Throttle(int count) => Interlocked.Exchange(ref _throttle, count);

    public void ResetConcurrency() => Interlocked.Exchange(ref _maxInFlight, 0);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            _requests.Enqueue((context.Request.Method, path, 429));
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            return;
        }

        var blob = path.Contains("/blobs/", StringComparison.Ordinal);
        if (blob)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            await Task.Delay(BlobDelay, context.RequestAborted);
        }

        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), $"http://{_target}{path}{context.Request.QueryString}");
            foreach (var (name, values) in context.Request.Headers)
            {
                if (name is not ("Host" or "Content-Length" or "Transfer-Encoding"))
                {
                    request.Headers.TryAddWithoutValidation(name, values.ToArray());
                }
            }

            using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            _requests.Enqueue((context.Request.Method, path, (int)response.StatusCode));
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (name is not "Transfer-Encoding")
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        finally
        {
            if (blob)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
