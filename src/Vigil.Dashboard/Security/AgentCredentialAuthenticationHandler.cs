using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vigil.Core.Agents;
using Vigil.Dashboard.Hubs;

namespace Vigil.Dashboard.Security;

/// <summary>
/// Authenticates an agent by the credential it received at enrollment (<c>Authorization: Bearer</c>, or SignalR's
/// <c>access_token</c> query parameter on the agent hub for clients that cannot send headers). A revoked credential or
/// a removed node fails at once.
/// </summary>
public sealed class AgentCredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AgentCredentials credentials) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = BearerToken.From(Request);
        if (presented is null && Request.Path.StartsWithSegments(AgentHub.Route))
        {
            presented = Request.Query["access_token"].ToString() is { Length: > 0 } query ? query : null;
        }

        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var agent = await credentials.ValidateAsync(presented, Context.RequestAborted);
        if (agent is null)
        {
            return AuthenticateResult.Fail("The agent credential is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "agent:" + agent.NodeId),
                new Claim(ClaimTypes.Name, "agent:" + agent.NodeName),
                new Claim(AgentAccess.NodeIdClaim, agent.NodeId),
                new Claim(VigilClaims.AuthenticationMethod, "agent"),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"vigil-agent\"";
        return Task.CompletedTask;
    }
}
