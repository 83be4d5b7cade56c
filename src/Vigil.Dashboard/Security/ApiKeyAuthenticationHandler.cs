using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vigil.Core.Accounts;

namespace Vigil.Dashboard.Security;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c>; revoked and expired keys fail at once.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = BearerToken.From(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.ValidateAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "key:" + key.Id),
                new Claim(ClaimTypes.Name, "key:" + key.Name),
                new Claim(ClaimTypes.Role, key.Role),
                new Claim(VigilClaims.AuthenticationMethod, "apikey"),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = BearerToken.From(Request) is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\", error_description=\"The API key is unknown, revoked or expired.\"";
        return Task.CompletedTask;
    }
}
