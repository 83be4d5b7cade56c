using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Cloud.Tests;

/// <summary>
/// A fake Kubernetes API server on 127.0.0.1 (no real cluster can run here): a small Kestrel app speaking the
/// documented core/v1 JSON endpoints the client calls for pods, nodes and evictions, over an in-memory set of objects,
/// recording every request.
/// </summary>
public sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeKubernetesApi(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, JsonObject> Pods { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, JsonObject> Nodes { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Method, string Path, string Query, string ContentType, string Body, string Authorization)> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<FakeKubernetesApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeKubernetesApi(app);
        fake.Map(app);
        await app.StartAsync();
        fake.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    public void AddPod(string ns, string name, string? nodeName = null, string? ownerKind = null)
    {
        var pod = JsonNode.Parse($$$"""
            {"kind":"Pod","apiVersion":"v1","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","labels":{"app":"web"}},
             "spec":{"nodeName":"{{{nodeName ?? "worker-1"}}}","containers":[{"name":"c","image":"nginx"}]},
             "status":{"phase":"Running","podIPs":[{"ip":"10.1.0.7"}]}}
            """)!.AsObject();
        if (ownerKind is not null)
        {
            pod["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = ownerKind, ["name"] = "owner", ["uid"] = "u1" });
        }

        Pods[$"{ns}/{name}"] = pod;
    }

    public void AddNode(string name) =>
        Nodes[name] = JsonNode.Parse($$$"""
            {"kind":"Node","apiVersion":"v1","metadata":{"name":"{{{name}}}","labels":{"kubernetes.io/hostname":"{{{name}}}"}},"spec":{},
             "status":{"conditions":[{"type":"Ready","status":"True"}],"addresses":[{"type":"InternalIP","address":"10.0.0.5"}]}}
            """)!.AsObject();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.QueryString.Value ?? "", context.Request.ContentType ?? "", body,
                context.Request.Headers.Authorization.ToString()));
            await next();
        });
        app.MapGet("/api/v1/namespaces/{ns}/pods", (string ns) => List(Pods.Values.Where(p => p["metadata"]!["namespace"]!.GetValue<string>() == ns), "PodList"));
        app.MapGet("/api/v1/pods", (string? fieldSelector) =>
            List(Pods.Values.Where(p => fieldSelector is null || $"spec.nodeName={p["spec"]!["nodeName"]}" == fieldSelector), "PodList"));
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}", (string ns, string name) => Get(Pods, $"{ns}/{name}", "pods", name));
        app.MapMethods("/api/v1/namespaces/{ns}/pods/{name}", ["PATCH"], async (string ns, string name, HttpRequest request) => await PatchAsync(Pods, $"{ns}/{name}", "pods", name, request));
        app.MapDelete("/api/v1/namespaces/{ns}/pods/{name}", (string ns, string name) => Delete(Pods, $"{ns}/{name}", "pods", name));
        app.MapPost("/api/v1/namespaces/{ns}/pods/{name}/eviction", async (string ns, string name, HttpRequest request) =>
        {
            var eviction = await JsonNode.ParseAsync(request.Body);
            return Pods.TryRemove($"{ns}/{name}", out _) ? Results.Json(eviction, statusCode: 201) : NotFound("pods", name);
        });
        app.MapGet("/api/v1/nodes/{name}", (string name) => Get(Nodes, name, "nodes", name));
        app.MapMethods("/api/v1/nodes/{name}", ["PATCH"], async (string name, HttpRequest request) => await PatchAsync(Nodes, name, "nodes", name, request));
        app.MapDelete("/api/v1/nodes/{name}", (string name) => Delete(Nodes, name, "nodes", name));
    }

    private static IResult List(IEnumerable<JsonObject> items, string kind) =>
        Results.Json(new JsonObject { ["kind"] = kind, ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["items"] = new JsonArray(items.Select(i => i.DeepClone()).ToArray()) });

    private static IResult Get(ConcurrentDictionary<string, JsonObject> objects, string key, string resource, string name) =>
        objects.TryGetValue(key, out var found) ? Results.Json(found) : NotFound(resource, name);

    private static IResult Delete(ConcurrentDictionary<string, JsonObject> objects, string key, string resource, string name) =>
        objects.TryRemove(key, out var removed) ? Results.Json(removed) : NotFound(resource, name);

    /// <summary>JSON merge patch (RFC 7386), the only patch type the connector sends.</summary>
    private static async Task<IResult> PatchAsync(ConcurrentDictionary<string, JsonObject> objects, string key, string resource, string name, HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.Ordinal) != true)
        {
            return Results.Json(Status(415, $"unsupported patch type {request.ContentType}"), statusCode: 415);
        }

        if (!objects.TryGetValue(key, out var target))
        {
            return NotFound(resource, name);
        }

        Merge(target, (await JsonNode.ParseAsync(request.Body))!.AsObject());
        return Results.Json(target);
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToArray())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    private static IResult NotFound(string resource, string name) => Results.Json(Status(404, $"{resource} \"{name}\" not found", "NotFound"), statusCode: 404);

    private static JsonObject Status(int code, string message, string reason = "UnsupportedMediaType") => new()
    {
        ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure", ["message"] = message, ["reason"] = reason, ["code"] = code,
    };
}
