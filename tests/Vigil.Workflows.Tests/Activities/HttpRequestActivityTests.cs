using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Activities;

/// <summary>The HTTP request activity against a real Kestrel server on 127.0.0.1.</summary>
public sealed class HttpRequestActivityTests : EngineTestBase
{
    private WebApplication _server = null!;
    private string _baseUrl = "";
    private int _flakyCalls;
    private string? _seenAuthorization;
    private string? _seenBody;

    internal override WorkflowTestHost CreateHost() => new(Database, realTime: true);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/ok", () => Results.Json(new { status = "green", count = 3 }));
        _server.MapPost("/echo", async (HttpRequest request) =>
        {
            _seenAuthorization = request.Headers.Authorization;
            _seenBody = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.Text("received", statusCode: 201);
        });
        _server.MapGet("/flaky", () => Interlocked.Increment(ref _flakyCalls) < 3 ? Results.StatusCode(503) : Results.Text("finally"));
        _server.MapGet("/missing", () => Results.NotFound());
        await _server.StartAsync();
        _baseUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public override async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<(WorkflowInstance Instance, JournalEntry Entry)> CallAsync(params (string, Vigil.Workflows.Model.ActivityInput)[] inputs)
    {
        var flow = Manual()
            .Add("call", "Vigil.HttpRequest", inputs)
            .Add("ok", "Vigil.Log", Lit("message", "ok")).Add("ko", "Vigil.Log", Lit("message", "ko"))
            .Connect("start", "call").Connect("call", "ok", "Success").Connect("call", "ko", "Failure")
            .Build();
        var instance = await RunAsync(flow);
        return (instance, (await JournalAsync(instance.Id)).Single(j => j.ActivityId == "call"));
    }

    [Fact]
    public async Task A_2xx_json_answer_takes_Success_with_the_parsed_body()
    {
        var (instance, entry) = await CallAsync(Lit("url", _baseUrl + "/ok"));

        Assert.Equal("Success", entry.Outcomes);
        var outputs = JsonDocument.Parse(entry.OutputsJson!).RootElement;
        Assert.Equal(200, outputs.GetProperty("statusCode").GetInt32());
        Assert.Equal("green", outputs.GetProperty("body").GetProperty("status").GetString());
        Assert.Equal("ok", (await PathAsync(instance.Id)).Last());
    }

    [Fact]
    public async Task Posts_the_body_and_headers_and_redacts_the_headers_in_the_journal()
    {
        var (_, entry) = await CallAsync(
            Lit("url", _baseUrl + "/echo"), Lit("method", "POST"),
            Lit("headers", new Dictionary<string, string> { ["Authorization"] = "Bearer s3cr3t" }),
            Js("body", "({ node: 'n1', critical: 2 })"));

        Assert.Equal("Success", entry.Outcomes);
        Assert.Equal("Bearer s3cr3t", _seenAuthorization);
        Assert.Equal("""{"node":"n1","critical":2}""", _seenBody);
        Assert.DoesNotContain("s3cr3t", entry.InputsJson, StringComparison.Ordinal);
        Assert.Contains("\"headers\":\"***\"", entry.InputsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_the_server_answers()
    {
        var (_, entry) = await CallAsync(Lit("url", _baseUrl + "/flaky"));

        Assert.Equal("Success", entry.Outcomes);
        Assert.Equal(3, _flakyCalls);
    }

    [Fact]
    public async Task A_404_takes_Failure_without_retrying()
    {
        var (instance, entry) = await CallAsync(Lit("url", _baseUrl + "/missing"));

        Assert.Equal("Failure", entry.Outcomes);
        Assert.Contains("\"statusCode\":404", entry.OutputsJson, StringComparison.Ordinal);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
    }

    [Fact]
    public async Task A_refused_connection_takes_Failure_with_the_error()
    {
        // A port nobody listens on: bind one, note it, release it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (_, entry) = await CallAsync(Lit("url", $"http://127.0.0.1:{port}/"));

        Assert.Equal("Failure", entry.Outcomes);
        Assert.Contains("\"error\"", entry.OutputsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_http_url_faults_the_instance()
    {
        var (instance, _) = await CallAsync(Lit("url", "file:///etc/passwd"));

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("not an absolute http(s) URL", instance.Error, StringComparison.Ordinal);
    }
}
