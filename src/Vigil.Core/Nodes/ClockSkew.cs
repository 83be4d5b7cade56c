using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Core.Nodes;

/// <summary>
/// How far an agent's clock is from the console's. The console never uses an agent's clock for its own times
/// (last seen, scan times, expiries); it only measures the difference from the <c>sentAt</c> the agent sends with
/// its hello and heartbeats, and keeps it as the node fact <see cref="FactName"/> so operators see a wrong clock.
/// </summary>
public static class ClockSkew
{
    /// <summary>The node fact holding the agent clock minus the console clock, in seconds (negative = agent behind).</summary>
    public const string FactName = "clockSkewSeconds";

    /// <summary>The agent's own clock in its hello facts; replaced by <see cref="FactName"/> when stored.</summary>
    public const string SentAtFact = "sentAt";

    /// <summary>Beyond this the node shows a clock warning: certificates, tokens and log times on that host go wrong.</summary>
    public static readonly TimeSpan WarnBeyond = TimeSpan.FromMinutes(2);

    /// <summary>Agent clock minus console clock, rounded to a tenth of a second (network latency makes finer noise).</summary>
    public static double Measure(DateTimeOffset agentClock, DateTimeOffset consoleClock) =>
        Math.Round((agentClock - consoleClock).TotalSeconds, 1);

    public static bool IsWorrying(double skewSeconds) => Math.Abs(skewSeconds) > WarnBeyond.TotalSeconds;

    /// <summary>The skew stored in a node's facts, if the agent reported one.</summary>
    public static double? Of(JsonElement? facts) =>
        facts is { ValueKind: JsonValueKind.Object } f && f.TryGetProperty(FactName, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    /// <summary>
    /// The hello facts as the console stores them: the agent's <c>sentAt</c> becomes <see cref="FactName"/> measured
    /// against <paramref name="consoleClock"/>. Facts without a readable <c>sentAt</c> (older agents) are kept as sent.
    /// </summary>
    public static (JsonElement Facts, double? SkewSeconds) Apply(JsonElement facts, DateTimeOffset consoleClock)
    {
        if (!facts.TryGetProperty(SentAtFact, out var sent) || sent.ValueKind != JsonValueKind.String || !sent.TryGetDateTimeOffset(out var agentClock))
        {
            return (facts, null);
        }

        var skew = Measure(agentClock, consoleClock);
        var node = JsonNode.Parse(facts.GetRawText())!.AsObject();
        node.Remove(SentAtFact);
        node[FactName] = skew;
        return (JsonSerializer.SerializeToElement(node), skew);
    }
}
