using Vigil.Core.Agents;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class AgentEnrollmentApi
{
    /// <summary>Rate-limiter policy of the enrollment endpoint (per client address, <see cref="AgentOptions.EnrollmentsPerMinute"/>).</summary>
    public const string RateLimitPolicy = "enroll";

    public sealed record EnrollRequest(string? Token, string? Name, Dictionary<string, string>? Labels);

    /// <summary>The only response that ever carries the agent's credential.</summary>
    public sealed record EnrollResponse(string NodeId, string NodeName, IReadOnlyDictionary<string, string> Labels, string Credential);

    public static void MapAgentEnrollmentApi(this RouteGroupBuilder api)
    {
        api.MapPost("/agents/enroll", Enroll)
            .WithTags("Agents")
            .WithName("EnrollAgent")
            .WithSummary("Exchange an enrollment token for an agent credential (used by `vigil-agent enroll`)")
            .WithMetadata(new AnonymousBecauseAttribute("agents enroll before they have a credential; the enrollment token is the proof"))
            .RequireRateLimiting(RateLimitPolicy);
    }

    private static async Task<Results<Ok<EnrollResponse>, ProblemHttpResult, ValidationProblem>> Enroll(EnrollRequest? request, AgentEnrollment enrollment, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request?.Token))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["An enrollment token is required."] });
        }

        try
        {
            var outcome = await enrollment.EnrollAsync(request.Token.Trim(), request.Name ?? "", request.Labels, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
            if (outcome.Agent is not { } agent)
            {
                return TypedResults.Problem(outcome.RefusalMessage, statusCode: StatusCodes.Status401Unauthorized, title: "Enrollment refused");
            }

            return TypedResults.Ok(new EnrollResponse(agent.NodeId, agent.NodeName, agent.Labels, agent.Credential));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.ParamName ?? "request"] = [ex.Message.Split(" (Parameter")[0]] });
        }
    }
}
