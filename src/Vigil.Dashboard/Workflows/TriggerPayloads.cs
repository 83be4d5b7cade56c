using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Core.Json;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// The trigger inputs the console hands the workflow engine, built in one place so the designer's sample inputs
/// (<see cref="TriggerSamples"/>) are exactly what a real start receives.
/// </summary>
public static class TriggerPayloads
{
    /// <summary>A domain event as flows see it: the event record in the console's JSON conventions.</summary>
    public static JsonElement Event(DomainEvent domainEvent) =>
        JsonSerializer.SerializeToElement(domainEvent, domainEvent.GetType(), VigilJson.Options);

    /// <summary>What a Schedule trigger receives when its cron fires.</summary>
    public static JsonElement Cron(string definitionId, string activityId, DateTimeOffset firedAt) =>
        JsonSerializer.SerializeToElement(new { type = "Cron", definitionId, activityId, firedAt = firedAt.ToUniversalTime() });

    /// <summary>What an HTTP endpoint trigger receives from an authenticated webhook call.</summary>
    public static JsonElement HttpEndpoint(string path, string method, JsonElement? body, IReadOnlyDictionary<string, string> query) =>
        JsonSerializer.SerializeToElement(new { type = "HttpEndpoint", path = path.Trim('/'), method = method.ToUpperInvariant(), body, query });
}
