using Microsoft.AspNetCore.Identity;
using Vigil.Core.Accounts;

namespace Vigil.Dashboard.Apis;

/// <summary>Form endpoints of the dashboard's session (not part of the JSON API).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post, so the antiforgery token is checked.
        endpoints.MapPost("/account/logout", async (SignInManager<VigilUser> signIn, IFormCollection form) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/login");
            })
            .WithMetadata(new Security.SelfServiceAttribute("ends the caller's own session"))
            .ExcludeFromDescription();
        return endpoints;
    }
}
