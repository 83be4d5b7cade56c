using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Model;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// A realistic input for the designer's test run, made from the flow's first trigger. Event triggers get a real event
/// record serialized by <see cref="TriggerPayloads"/>, as the engine receives it, so the sample cannot drift from the
/// payload a flow sees in production; literal trigger filters (labels, path, method) are honoured so the sample matches.
/// </summary>
public static class TriggerSamples
{
    private const string NodeId = "node-8f3c2a";
    private const string NodeName = "web-01";
    private const string ScanId = "scan-5d1e07";

    public static JsonElement For(WorkflowDefinition definition, ActivityRegistry registry, DateTimeOffset now)
    {
        var trigger = definition.Activities
            .Select(a => (Node: a, Descriptor: registry.Find(a.Type)))
            .FirstOrDefault(a => a.Descriptor?.Kind == ActivityKind.Trigger);
        return trigger.Descriptor?.TriggerEvent switch
        {
            "NodeRegistered" => TriggerPayloads.Event(new NodeRegistered(NodeId, NodeName, "host", Labels(trigger.Node), Facts()) { OccurredAt = now }),
            "ScanCompleted" => TriggerPayloads.Event(new ScanCompleted(ScanId, NodeId, NodeName, new ScanSummary(1, 3, 7, 2, 0), "osv-" + now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)) { OccurredAt = now }),
            "ScanFailed" => TriggerPayloads.Event(new ScanFailed(ScanId, NodeId, NodeName, "The agent did not answer within 10 minutes.") { OccurredAt = now }),
            "FeedUpdated" => TriggerPayloads.Event(new FeedUpdated("osv-" + now.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture), 42, 7, 1) { OccurredAt = now }),
            "FindingsChanged" => TriggerPayloads.Event(new FindingsChanged(NodeId, NodeName, ScanId, null,
                [new FindingChange("GHSA-p6mc-m468-83gw|pkg:npm/lodash@4.17.15|/srv/app/package-lock.json", "GHSA-p6mc-m468-83gw", "high")], []) { OccurredAt = now }),
            CronTriggerEvent => TriggerPayloads.Cron(definition.Id, trigger.Node.Id, new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero)),
            "HttpEndpoint" => TriggerPayloads.HttpEndpoint(
                Literal(trigger.Node, "path") ?? "my-hook", Literal(trigger.Node, "method") ?? "POST",
                JsonSerializer.SerializeToElement(new { nodeName = NodeName, version = "1.4.2" }), new Dictionary<string, string>()),
            _ => ManualInput(definition),
        };
    }

    private const string CronTriggerEvent = Vigil.Workflows.Activities.CronTrigger.EventType;

    /// <summary>Manual starts take the flow's variables as input: each with its default, or an example of its type.</summary>
    private static JsonElement ManualInput(WorkflowDefinition definition) =>
        JsonSerializer.SerializeToElement(definition.Variables.ToDictionary(
            v => v.Name,
            v => v.Default ?? (v.Type?.ToLowerInvariant() switch
            {
                "number" or "integer" => JsonSerializer.SerializeToElement(0),
                "boolean" => JsonSerializer.SerializeToElement(false),
                "array" => JsonSerializer.SerializeToElement(Array.Empty<string>()),
                "object" => JsonSerializer.SerializeToElement(new { }),
                _ => JsonSerializer.SerializeToElement(""),
            })));

    /// <summary>The labels the trigger filters on (so the sample passes the filter), plus a typical one.</summary>
    private static Dictionary<string, string> Labels(ActivityNode trigger)
    {
        var labels = new Dictionary<string, string> { ["env"] = "staging" };
        if (trigger.InputsOrEmpty.GetValueOrDefault("labels") is { Kind: InputKind.Literal, Value.ValueKind: JsonValueKind.Object } wanted)
        {
            foreach (var label in wanted.Value.EnumerateObject().Where(l => l.Value.ValueKind == JsonValueKind.String))
            {
                labels[label.Name] = label.Value.GetString()!;
            }
        }

        return labels;
    }

    /// <summary>Host facts in the shape the agent reports them (Vigil.Agent's HostFacts).</summary>
    private static JsonElement Facts() => JsonSerializer.SerializeToElement(new
    {
        hostname = NodeName,
        os = new { id = "debian", versionId = "12", prettyName = "Debian GNU/Linux 12 (bookworm)" },
        kernel = "6.1.0-28-amd64",
        architecture = "x64",
        ipAddresses = new[] { "10.0.4.17" },
    });

    private static string? Literal(ActivityNode node, string input) =>
        node.InputsOrEmpty.GetValueOrDefault(input) is { Kind: InputKind.Literal, Value.ValueKind: JsonValueKind.String } literal ? literal.Value.GetString() : null;
}
