using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Sends an HTTP request through the resilient client (retries transient failures with backoff, see
/// <see cref="WorkflowHttp"/>); continues along Success for a 2xx answer and Failure otherwise.
/// </summary>
[Activity("Vigil.HttpRequest", "Integration", "HTTP request", Description = "Calls an HTTP endpoint; retries transient failures.")]
[ActivityInput("url", ActivityValueType.String, Required = true)]
[ActivityInput("method", ActivityValueType.String, Options = ["GET", "POST", "PUT", "PATCH", "DELETE"], DefaultJson = "\"GET\"")]
[ActivityInput("headers", ActivityValueType.Object, UIHint = "key-value", Secret = true,
    Description = "Request headers; recorded as *** in the journal since they often carry tokens.")]
[ActivityInput("body", ActivityValueType.Any, UIHint = "code", Description = "A string is sent as is; any other value as JSON.")]
[ActivityInput("contentType", ActivityValueType.String, DefaultJson = "\"application/json\"")]
[ActivityOutcomes(Success, Failure)]
[ActivityOutput("statusCode", ActivityValueType.Integer)]
[ActivityOutput("body", ActivityValueType.Any, Description = "The response body: parsed JSON when it is JSON, else text.")]
[ActivityOutput("error", ActivityValueType.String, Description = "Why no response was received.")]
public sealed class HttpRequestActivity : IWorkflowActivity
{
    /// <summary>Outcome for a 2xx answer.</summary>
    public const string Success = "Success";

    /// <summary>Outcome for any other answer, or none after retries.</summary>
    public const string Failure = "Failure";

    private const int MaxResponseChars = 256 * 1024;
    private readonly IHttpClientFactory _clients;

    /// <summary>Creates the activity.</summary>
    public HttpRequestActivity(IHttpClientFactory clients) => _clients = clients;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.GetInput<string>("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"'{url}' is not an absolute http(s) URL.");
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.GetInput<string>("method") ?? "GET"), uri);
        foreach (var (name, value) in context.GetInput<Dictionary<string, string>>("headers") ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (context.GetInputJson("body") is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } body)
        {
            var text = body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.GetInput<string>("contentType") ?? "application/json");
        }

        try
        {
            using var response = await _clients.CreateClient(WorkflowHttp.ClientName).SendAsync(request, context.CancellationToken);
            var content = await response.Content.ReadAsStringAsync(context.CancellationToken);
            context.SetOutput("statusCode", (int)response.StatusCode);
            context.SetOutput("body", ParseBody(content));
            context.Complete(response.IsSuccessStatusCode ? Success : Failure);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !context.CancellationToken.IsCancellationRequested
            || ex.GetType().Name == "TimeoutRejectedException")
        {
            context.SetOutput("error", ex.Message);
            context.Complete(Failure);
        }
    }

    private static object ParseBody(string content)
    {
        if (content.Length > MaxResponseChars)
        {
            content = content[..MaxResponseChars];
        }

        try
        {
            return JsonDocument.Parse(content).RootElement.Clone();
        }
        catch (JsonException)
        {
            return content;
        }
    }
}
