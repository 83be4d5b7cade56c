using System.Text.Json;
using Vigil.Dashboard.Security;
using Vigil.Dashboard.Workflows;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Apis;

/// <summary>
/// The HttpEndpoint trigger's webhooks: an authenticated caller (API key or cookie, Operator or above) starts every
/// published, enabled flow listening on the path and method, with <c>{path, method, body, query}</c> as input.
/// </summary>
public static class WorkflowHooksApi
{
    public const string Route = "/workflow-hooks";

    /// <summary>Webhook bodies are small JSON documents; anything larger is refused before parsing.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public sealed record HookResponse(string InstanceId, IReadOnlyList<string> InstanceIds);

    public static void MapWorkflowHooksApi(this RouteGroupBuilder api)
    {
        api.MapMethods(Route + "/{**path}", ["GET", "POST", "PUT"], Invoke)
            .WithTags("Workflows").WithName("InvokeWorkflowHook")
            .WithSummary("Start the workflows whose HttpEndpoint trigger listens on this path and method; answers with the instance ids")
            .RequireAuthorization(AccessPolicies.Operate);
    }

    private static async Task<Results<Accepted<HookResponse>, ProblemHttpResult>> Invoke(
        string path, HttpRequest request, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        JsonElement? body = null;
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(title: "The webhook body is too large", detail: $"At most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException ex)
            {
                return TypedResults.Problem(title: "The webhook body is not JSON", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        }

        var payload = TriggerPayloads.HttpEndpoint(path, request.Method, body, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
        // A caller's Idempotency-Key makes a retried delivery start nothing new.
        var eventId = request.Headers["Idempotency-Key"].FirstOrDefault() ?? Guid.NewGuid().ToString("N");
        var result = await runtime.DispatchAsync(new WorkflowEvent("HttpEndpoint", eventId, null, payload), cancellationToken);
        if (result.StartedInstanceIds.Count == 0)
        {
            return TypedResults.Problem(
                title: "No workflow listens here",
                detail: $"No published, enabled workflow has an HttpEndpoint trigger for {request.Method} {VigilApi.Prefix}{Route}/{path.Trim('/')} (or this Idempotency-Key was already used).",
                statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Accepted((string?)null, new HookResponse(result.StartedInstanceIds[0], result.StartedInstanceIds));
    }
}
