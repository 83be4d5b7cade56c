using System.Globalization;
using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Hosting;

namespace Vigil.Plugins.LocalFleet;

/// <summary>
/// A local fleet as a cloud provider. An instance is a <c>vigil-agent run</c> process with its own root and state;
/// quarantine and stop end the process but keep its state, terminate ends it and deletes everything it had.
/// </summary>
public sealed class LocalFleetProvider(FleetOptions options, IEnrollmentTokens tokens, ILogger<LocalFleetProvider> logger) : ICloudProvider, IConnectorActions
{
    /// <summary>The label every instance's node carries: the instance id, set by the enrollment token.</summary>
    public const string InstanceLabel = "localfleet/instance";

    private readonly FleetStore _store = new(options.Directory);

    public CloudCapabilities Capabilities =>
        CloudCapabilities.List | CloudCapabilities.Describe | CloudCapabilities.Quarantine | CloudCapabilities.Stop | CloudCapabilities.Terminate;

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(options.Directory);
        var agent = options.Agent.Prefix.Count > 0 ? options.Agent.Prefix[0] : options.Agent.FileName;
        var found = Path.IsPathRooted(agent) ? File.Exists(agent) : FindOnPath(agent);
        return Task.FromResult(found
            ? ConnectionTestResult.Ok($"{_store.List().Count} instances in {options.Directory}; agent {agent}")
            : ConnectionTestResult.Failed($"no vigil-agent at '{agent}': set the Agent setting or {AgentCommand.EnvironmentVariable}"));
    }

    /// <summary>
    /// Launches an instance: a one-use enrollment token labelled with the new instance id, <c>vigil-agent enroll</c>,
    /// then <c>vigil-agent run</c> in the background. A failed launch leaves nothing behind.
    /// </summary>
    /// <param name="name">Node name.</param>
    /// <param name="root">Directory the agent describes; null for a fresh empty one.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task<CloudInstance> LaunchAsync(string name, string? root, CancellationToken cancellationToken) =>
        LaunchAsync(name, root, new Dictionary<string, string>(), cancellationToken);

    /// <summary>Launches an instance whose node also carries <paramref name="labels"/> (set by its enrollment token).</summary>
    public Task<CloudInstance> LaunchAsync(string name, string? root, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (root is not null && !System.IO.Directory.Exists(root))
        {
            throw new ArgumentException($"root '{root}' is not a directory", nameof(root));
        }

        return _store.LockedAsync(async () =>
        {
            var id = FleetStore.NewId();
            var state = _store.StateDirectory(id);
            System.IO.Directory.CreateDirectory(state);
            try
            {
                var instanceRoot = root is null ? System.IO.Directory.CreateDirectory(Path.Combine(_store.InstanceDirectory(id), "root")).FullName : Path.GetFullPath(root);
                var grant = await tokens.CreateAsync($"Local fleet '{options.Name}' instance {id}", TimeSpan.FromMinutes(10), 1,
                    new Dictionary<string, string>(labels) { [InstanceLabel] = id }, cancellationToken);
                var nodeId = await AgentProcesses.EnrollAsync(options.Agent, options.ConsoleUrl, grant.Token, name, state, cancellationToken);
                var processId = AgentProcesses.StartRun(options.Agent, state, instanceRoot, _store.LogFile(id));
                var record = new FleetInstanceRecord
                {
                    Id = id, Name = name, Root = instanceRoot, NodeId = nodeId, ProcessId = processId, State = "running", LaunchedAt = DateTimeOffset.UtcNow,
                };
                _store.Write(record);
                logger.LogInformation("Local fleet {Fleet} launched {Instance} as node {Node} (pid {Pid})", options.Name, id, nodeId, processId);
                return ToInstance(record);
            }
            catch
            {
                _store.Delete(id);
                throw;
            }
        }, cancellationToken);
    }

    public IReadOnlyList<ConnectorAction> Actions => [LaunchAction.For(options)];

    public Task<ConnectorActionResult> InvokeAsync(string action, ConnectorSettings input, string actor, CancellationToken cancellationToken) =>
        action == LaunchAction.Name
            ? LaunchAction.RunAsync(this, options, input, actor, logger, cancellationToken)
            : Task.FromResult(ConnectorActionResult.Failed($"local fleet has no action '{action}'"));

    public Task<CloudInstancePage> ListInstancesAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var skip = int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var all = _store.List();
        var page = all.Skip(skip).Take(Math.Clamp(pageSize, 1, 500)).Select(ToInstance).ToArray();
        var next = skip + page.Length < all.Count ? (skip + page.Length).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new CloudInstancePage(page, next));
    }

    /// <summary>The node's instance when its label names one of this fleet's instances and that instance enrolled as this very node.</summary>
    public Task<CloudInstance?> ResolveInstanceAsync(NodeFacts node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var record = node.Labels.TryGetValue(InstanceLabel, out var id) ? _store.Read(id) : null;
        return Task.FromResult(record is not null && record.NodeId == node.NodeId ? ToInstance(record) : null);
    }

    public Task<CloudInstance?> DescribeAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(_store.Read(instanceId) is { } record ? ToInstance(record) : null);

    public Task QuarantineAsync(string instanceId, string reason, CancellationToken cancellationToken) =>
        HaltAsync(instanceId, "quarantined", reason, cancellationToken);

    public Task StopAsync(string instanceId, CancellationToken cancellationToken) =>
        HaltAsync(instanceId, "stopped", null, cancellationToken);

    public Task TerminateAsync(string instanceId, CancellationToken cancellationToken) =>
        _store.LockedAsync(async () =>
        {
            var record = Existing(instanceId);
            await AgentProcesses.StopAsync(record.ProcessId, _store.StateDirectory(record.Id), cancellationToken);
            _store.Delete(record.Id);
            logger.LogInformation("Local fleet {Fleet} terminated {Instance}", options.Name, record.Id);
            return true;
        }, cancellationToken);

    private Task HaltAsync(string instanceId, string state, string? reason, CancellationToken cancellationToken) =>
        _store.LockedAsync(async () =>
        {
            var record = Existing(instanceId);
            await AgentProcesses.StopAsync(record.ProcessId, _store.StateDirectory(record.Id), cancellationToken);
            _store.Write(record with { State = state, ProcessId = null, Reason = reason ?? record.Reason });
            logger.LogInformation("Local fleet {Fleet}: {Instance} {State}", options.Name, record.Id, state);
            return true;
        }, cancellationToken);

    private FleetInstanceRecord Existing(string instanceId) =>
        _store.Read(instanceId) ?? throw new KeyNotFoundException($"local fleet '{options.Name}' has no instance '{instanceId}'");

    private CloudInstance ToInstance(FleetInstanceRecord record)
    {
        // A "running" instance whose process is gone (the machine rebooted, someone killed it) reports what it is.
        var state = record.State == "running" && !AgentProcesses.IsRunning(record.ProcessId, _store.StateDirectory(record.Id)) ? "exited" : record.State;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["node"] = record.NodeId, ["root"] = record.Root };
        if (record.Reason is { } reason)
        {
            tags["reason"] = reason;
        }

        return new CloudInstance(record.Id, record.Name, state, options.Name, [], tags);
    }

    private static bool FindOnPath(string file) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, file)));
}
