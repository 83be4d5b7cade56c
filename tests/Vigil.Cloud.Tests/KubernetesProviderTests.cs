using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Plugins.Kubernetes;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Cloud.Tests;

/// <summary>The Kubernetes connector against a fake API server (no real cluster runs here): the exact requests it makes.</summary>
public sealed class KubernetesProviderTests : IAsyncLifetime
{
    private const string Token = "k8s-test-token-0001";
    private FakeKubernetesApi _api = null!;
    private KubernetesProvider _provider = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _provider = (KubernetesProvider)new KubernetesFactory().Create(new ConnectorSettings("test cluster", new Dictionary<string, JsonElement>
        {
            ["server"] = JsonSerializer.SerializeToElement(_api.Url.ToString()),
            ["token"] = JsonSerializer.SerializeToElement(Token),
            ["namespace"] = JsonSerializer.SerializeToElement("apps"),
        }));
    }

    [Fact]
    public async Task A_node_maps_by_hostname_to_its_pod_else_to_the_cluster_node_else_to_nothing()
    {
        _api.AddPod("apps", "web-7f9c");
        _api.AddNode("worker-2");

        var pod = await _provider.ResolveInstanceAsync(Node("web-7f9c"), TestContext.Current.CancellationToken);
        var node = await _provider.ResolveInstanceAsync(Node("worker-2"), TestContext.Current.CancellationToken);
        var none = await _provider.ResolveInstanceAsync(Node("laptop"), TestContext.Current.CancellationToken);

        Assert.Equal(("pod/apps/web-7f9c", "running"), (pod?.Id, pod?.State));
        Assert.Contains("10.1.0.7", pod!.Addresses);
        Assert.Equal(("node/worker-2", "ready"), (node?.Id, node?.State));
        Assert.Null(none);
        Assert.All(_api.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        Assert.Equal(
            ["GET /api/v1/namespaces/apps/pods/web-7f9c", "GET /api/v1/namespaces/apps/pods/worker-2", "GET /api/v1/nodes/worker-2", "GET /api/v1/namespaces/apps/pods/laptop", "GET /api/v1/nodes/laptop"],
            _api.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Quarantine_labels_a_pod_for_its_network_policy_and_labels_and_cordons_a_node()
    {
        _api.AddPod("apps", "web-1");
        _api.AddNode("worker-3");

        await _provider.QuarantineAsync("pod/apps/web-1", "policy default failed", TestContext.Current.CancellationToken);
        await _provider.QuarantineAsync("node/worker-3", "policy default failed", TestContext.Current.CancellationToken);

        var patches = _api.Requests.Where(r => r.Method == "PATCH").ToArray();
        Assert.Equal(["/api/v1/namespaces/apps/pods/web-1", "/api/v1/nodes/worker-3"], patches.Select(p => p.Path));
        Assert.All(patches, p => Assert.StartsWith("application/merge-patch+json", p.ContentType, StringComparison.Ordinal));
        Assert.Equal("true", _api.Pods["apps/web-1"]["metadata"]!["labels"]!["vigil.io/quarantine"]!.GetValue<string>());
        Assert.Equal("web", _api.Pods["apps/web-1"]["metadata"]!["labels"]!["app"]!.GetValue<string>());
        Assert.Null(_api.Pods["apps/web-1"]["spec"]!["unschedulable"]);
        Assert.Equal("policy default failed", _api.Nodes["worker-3"]["metadata"]!["annotations"]!["vigil.io/quarantine-reason"]!.GetValue<string>());
        Assert.True(_api.Nodes["worker-3"]["spec"]!["unschedulable"]!.GetValue<bool>());
        Assert.Equal("cordoned", (await _provider.DescribeAsync("node/worker-3", TestContext.Current.CancellationToken))?.State);
    }

    [Fact]
    public async Task Terminating_a_pod_deletes_it()
    {
        _api.AddPod("apps", "web-2");

        await _provider.TerminateAsync("pod/apps/web-2", TestContext.Current.CancellationToken);

        Assert.Equal("DELETE /api/v1/namespaces/apps/pods/web-2", Assert.Single(_api.Requests).Method + " " + _api.Requests.Single().Path);
        Assert.Null(await _provider.DescribeAsync("pod/apps/web-2", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Terminating_a_node_cordons_it_evicts_its_pods_but_daemonsets_and_deletes_it()
    {
        _api.AddNode("worker-4");
        _api.AddPod("apps", "web-3", nodeName: "worker-4", ownerKind: "ReplicaSet");
        _api.AddPod("kube-system", "proxy-x", nodeName: "worker-4", ownerKind: "DaemonSet");
        _api.AddPod("apps", "elsewhere", nodeName: "worker-9");

        await _provider.TerminateAsync("node/worker-4", TestContext.Current.CancellationToken);

        Assert.Equal(
            ["PATCH /api/v1/nodes/worker-4", "GET /api/v1/pods", "POST /api/v1/namespaces/apps/pods/web-3/eviction", "DELETE /api/v1/nodes/worker-4"],
            _api.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Contains("fieldSelector=spec.nodeName%3Dworker-4", _api.Requests.Single(r => r.Path == "/api/v1/pods").Query, StringComparison.Ordinal);
        var eviction = JsonNode.Parse(_api.Requests.Single(r => r.Method == "POST").Body)!;
        Assert.Equal(("Eviction", "web-3", "apps"), (eviction["kind"]?.GetValue<string>(), eviction["metadata"]!["name"]!.GetValue<string>(), eviction["metadata"]!["namespace"]!.GetValue<string>()));
        Assert.False(_api.Nodes.ContainsKey("worker-4"));
        Assert.True(_api.Pods.ContainsKey("kube-system/proxy-x"));
        Assert.True(_api.Pods.ContainsKey("apps/elsewhere"));
    }

    [Fact]
    public async Task A_refused_token_fails_the_connection_test_without_the_token()
    {
        await using var refusing = await FakeKubernetesApi.StartAsync();
        using var provider = (KubernetesProvider)new KubernetesFactory().Create(new ConnectorSettings("c", new Dictionary<string, JsonElement>
        {
            ["server"] = JsonSerializer.SerializeToElement(refusing.Url + "nowhere/"),
            ["token"] = JsonSerializer.SerializeToElement(Token),
        }));

        var result = await provider.TestConnectionAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Contains("404", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _provider.Dispose();
        await _api.DisposeAsync();
    }

    private static NodeFacts Node(string hostname) =>
        new("n-" + hostname, hostname, new Dictionary<string, string>(), JsonDocument.Parse($$"""{"hostname":"{{hostname}}"}""").RootElement);
}
