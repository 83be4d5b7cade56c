using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Kubernetes;

/// <summary>
/// A cluster as a cloud provider. Instance ids are <c>pod/NAMESPACE/NAME</c> or <c>node/NAME</c>. A node maps by its
/// label <c>k8s/pod</c> (<c>NAMESPACE/NAME</c>) or <c>k8s/node</c>, else by its hostname: a pod of the configured
/// namespace of that name (a pod's hostname is its name), else a cluster node of that name. The API server must
/// know the object, or there is no mapping.
/// </summary>
public sealed class KubernetesProvider(KubernetesOptions options) : ICloudProvider, IDisposable
{
    public const string PodLabel = "k8s/pod";
    public const string NodeLabel = "k8s/node";

    private readonly Lazy<k8s.Kubernetes> _client = new(options.CreateClient);

    private k8s.Kubernetes Client => _client.Value;

    public CloudCapabilities Capabilities => CloudCapabilities.List | CloudCapabilities.Describe | CloudCapabilities.Quarantine | CloudCapabilities.Terminate;

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pods = await Client.CoreV1.ListNamespacedPodAsync(options.Namespace, limit: 1, cancellationToken: cancellationToken);
            return ConnectionTestResult.Ok($"Connected to {options.Server}; namespace {options.Namespace} readable ({pods.Items.Count}{(pods.Metadata?.ContinueProperty is null ? "" : "+")} pods).");
        }
        catch (HttpOperationException ex)
        {
            return ConnectionTestResult.Failed($"{options.Server} answered {(int)ex.Response.StatusCode} {ex.Response.ReasonPhrase}");
        }
    }

    public async Task<CloudInstancePage> ListInstancesAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var pods = await Client.CoreV1.ListNamespacedPodAsync(options.Namespace, continueParameter: cursor, limit: Math.Clamp(pageSize, 1, 500), cancellationToken: cancellationToken);
        return new CloudInstancePage(pods.Items.Select(ToInstance).ToArray(), pods.Metadata?.ContinueProperty is { Length: > 0 } next ? next : null);
    }

    public async Task<CloudInstance?> ResolveInstanceAsync(NodeFacts node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Labels.TryGetValue(PodLabel, out var pod) && pod.Split('/') is [var ns, var name])
        {
            return await DescribeAsync($"pod/{ns}/{name}", cancellationToken);
        }

        if (node.Labels.TryGetValue(NodeLabel, out var clusterNode))
        {
            return await DescribeAsync($"node/{clusterNode}", cancellationToken);
        }

        if (node.Facts.ValueKind == JsonValueKind.Object && node.Facts.TryGetProperty("hostname", out var h) && h.GetString() is { Length: > 0 } hostname)
        {
            return await DescribeAsync($"pod/{options.Namespace}/{hostname}", cancellationToken) ?? await DescribeAsync($"node/{hostname}", cancellationToken);
        }

        return null;
    }

    public async Task<CloudInstance?> DescribeAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            return Parse(instanceId) switch
            {
                (null, var name) => ToInstance(await Client.CoreV1.ReadNodeAsync(name, cancellationToken: cancellationToken)),
                (var ns, var name) => ToInstance(await Client.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: cancellationToken)),
            };
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Pods: the quarantine label (for a NetworkPolicy to isolate them). Nodes: the label, and cordoned.</summary>
    public async Task QuarantineAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, object> { [options.QuarantineLabel] = "true" };
        var annotations = new Dictionary<string, object> { ["vigil.io/quarantine-reason"] = reason };
        switch (Parse(instanceId))
        {
            case (null, var name):
                await Client.CoreV1.PatchNodeAsync(MergePatch(new { metadata = new { labels, annotations }, spec = new { unschedulable = true } }), name, cancellationToken: cancellationToken);
                break;
            case (var ns, var name):
                await Client.CoreV1.PatchNamespacedPodAsync(MergePatch(new { metadata = new { labels, annotations } }), name, ns, cancellationToken: cancellationToken);
                break;
        }
    }

    public Task StopAsync(string instanceId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Kubernetes objects are not stopped: quarantine or terminate them");

    /// <summary>Pods: deleted. Nodes: cordoned, drained (every pod evicted except DaemonSets' and mirror pods), deleted.</summary>
    public async Task TerminateAsync(string instanceId, CancellationToken cancellationToken)
    {
        switch (Parse(instanceId))
        {
            case (null, var name):
                await Client.CoreV1.PatchNodeAsync(MergePatch(new { spec = new { unschedulable = true } }), name, cancellationToken: cancellationToken);
                var pods = await Client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"spec.nodeName={name}", cancellationToken: cancellationToken);
                foreach (var pod in pods.Items.Where(Evictable))
                {
                    await Client.CoreV1.CreateNamespacedPodEvictionAsync(
                        new V1Eviction { ApiVersion = "policy/v1", Kind = "Eviction", Metadata = new V1ObjectMeta { Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty } },
                        pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
                }

                await Client.CoreV1.DeleteNodeAsync(name, cancellationToken: cancellationToken);
                break;
            case (var ns, var name):
                await Client.CoreV1.DeleteNamespacedPodAsync(name, ns, cancellationToken: cancellationToken);
                break;
        }
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    /// <summary>(namespace, name) of a pod, (null, name) of a node.</summary>
    private static (string? Namespace, string Name) Parse(string instanceId) => instanceId.Split('/') switch
    {
        ["pod", { Length: > 0 } ns, { Length: > 0 } name] => (ns, name),
        ["node", { Length: > 0 } name] => (null, name),
        _ => throw new ArgumentException($"'{instanceId}' is not pod/NAMESPACE/NAME or node/NAME", nameof(instanceId)),
    };

    private static bool Evictable(V1Pod pod) =>
        pod.Metadata.OwnerReferences?.Any(o => o.Kind == "DaemonSet") != true
        && pod.Metadata.Annotations?.ContainsKey("kubernetes.io/config.mirror") != true;

    private static V1Patch MergePatch(object patch) => new(JsonSerializer.Serialize(patch), V1Patch.PatchType.MergePatch);

    private CloudInstance ToInstance(V1Pod pod) => new(
        $"pod/{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}",
        pod.Metadata.Name,
        (pod.Status?.Phase ?? "unknown").ToLowerInvariant(),
        pod.Spec?.NodeName is { } node ? $"{options.Name}/{node}" : options.Name,
        (pod.Status?.PodIPs?.Select(i => i.Ip) ?? []).ToArray(),
        Labels(pod.Metadata));

    private CloudInstance ToInstance(V1Node node)
    {
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status == "True";
        var state = node.Spec?.Unschedulable == true ? "cordoned" : ready ? "ready" : "notready";
        return new CloudInstance($"node/{node.Metadata.Name}", node.Metadata.Name, state, options.Name,
            (node.Status?.Addresses?.Select(a => a.Address) ?? []).ToArray(), Labels(node.Metadata));
    }

    private static Dictionary<string, string> Labels(V1ObjectMeta metadata) =>
        new(metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
}
