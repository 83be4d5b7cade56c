using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Jira;

/// <summary>
/// Creates a Jira issue per message. With a dedup key it first searches the project for the key's label and creates
/// nothing when an issue already carries it, so a condition raised again does not open a second ticket.
/// </summary>
public sealed class JiraChannel(JiraOptions options, HttpSender sender) : INotificationChannel
{
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var labels = new List<string> { "vigil" };
        labels.AddRange(options.Labels);
        if (message.DedupKey is { Length: > 0 } dedupKey)
        {
            var label = JiraIssue.DedupLabel(dedupKey);
            if (await ExistsAsync(label, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            labels.Add(label);
        }

        var issue = JiraIssue.Create(options.ApiVersion, options.ProjectKey, options.IssueType, labels.Distinct(StringComparer.Ordinal).ToArray(), message);
        await sender.SendAsync("Jira", () => Authorized(JsonPost.To(Api("issue"), issue)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        var me = await GetAsync("myself", cancellationToken).ConfigureAwait(false);
        var project = await GetAsync($"project/{Uri.EscapeDataString(options.ProjectKey)}", cancellationToken).ConfigureAwait(false);
        return ConnectionTestResult.Ok(
            $"Connected as {Text(me, "displayName") ?? Text(me, "name") ?? "?"}; project {options.ProjectKey} is {Text(project, "name") ?? "visible"}.");
    }

    private async Task<bool> ExistsAsync(string label, CancellationToken cancellationToken)
    {
        var jql = $"project = \"{options.ProjectKey}\" AND labels = \"{label}\"";
        // v3 (Cloud) retired /search for /search/jql; both answer with an "issues" array.
        var path = (options.ApiVersion == "2" ? "search" : "search/jql") + "?maxResults=1&fields=key&jql=" + Uri.EscapeDataString(jql);
        var found = await GetAsync(path, cancellationToken).ConfigureAwait(false);
        return found.TryGetProperty("issues", out var issues) && issues.ValueKind == JsonValueKind.Array && issues.GetArrayLength() > 0;
    }

    private async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        var answer = await sender.SendAsync("Jira", () => Authorized(new HttpRequestMessage(HttpMethod.Get, Api(path))), cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new NotificationDeliveryException("Jira answered with something that is not JSON: is the URL the Jira site?", answer.StatusCode, ex);
        }
    }

    private Uri Api(string path) => new(options.BaseUrl, $"rest/api/{options.ApiVersion}/{path}");

    private HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = options.Email is { } email
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{options.ApiToken}")))
            : new AuthenticationHeaderValue("Bearer", options.ApiToken);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
