using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Cli.Scan;
using Vigil.Scanning.Severity;

namespace Vigil.Matching.Tests.Cli;

public sealed class PolicyFromConsoleTests
{
    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_named_policy_is_fetched_from_the_console_with_the_api_key()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        string? seenPath = null, seenAuthorization = null;
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            seenPath = context.Request.Url!.AbsolutePath;
            seenAuthorization = context.Request.Headers["Authorization"];
            var body = Encoding.UTF8.GetBytes("""{ "name": "prod", "failOn": "critical", "maxCount": { "unknown": 5 } }""");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }, TestContext.Current.CancellationToken);

        Environment.SetEnvironmentVariable("VIGIL_API_KEY", "test-key");
        try
        {
            var policy = await PolicySource.LoadAsync("prod", $"http://127.0.0.1:{port}", TestContext.Current.CancellationToken);

            await serve;
            Assert.Equal("prod", policy.Name);
            Assert.Equal(SeverityLevel.Critical, policy.FailOn);
            Assert.Equal(5, policy.MaxCount[SeverityLevel.Unknown]);
            Assert.Equal("/api/v1/policies/prod", seenPath);
            Assert.Equal("Bearer test-key", seenAuthorization);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_API_KEY", null);
        }
    }

    [Fact]
    public async Task A_console_error_is_a_usage_error()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = 404;
            context.Response.Close();
        }, TestContext.Current.CancellationToken);

        Environment.SetEnvironmentVariable("VIGIL_API_KEY", "test-key");
        try
        {
            var error = await Assert.ThrowsAsync<UsageException>(() => PolicySource.LoadAsync("missing", $"http://127.0.0.1:{port}", TestContext.Current.CancellationToken));

            await serve;
            Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_API_KEY", null);
        }
    }
}
