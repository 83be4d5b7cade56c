using System.Security.Claims;
using Vigil.Dashboard.Accounts;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class MeApi
{
    public sealed record Me(string Id, string Name, string Role, string Authentication);

    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

    public static void MapMeApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Account");
        me.MapGet("/", GetMe).WithName("GetMe").WithSummary("The caller's identity and role");
        me.MapPost("/password", ChangePassword)
            .WithName("ChangeOwnPassword").WithSummary("Change the signed-in user's own password")
            .WithMetadata(new SelfServiceAttribute("changes only the caller's own password"));
    }

    private static Ok<Me> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new Me(
        user.ActorId(),
        user.ActorName(),
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        user.FindFirstValue(VigilClaims.AuthenticationMethod) ?? ""));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(ChangePasswordRequest request, ClaimsPrincipal user, AccountService accounts)
    {
        if (user.FindFirstValue(VigilClaims.AuthenticationMethod) != "cookie")
        {
            return TypedResults.Problem("API keys have no password; sign in as a user to change yours.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await accounts.ChangeOwnPasswordAsync(user.ActorId(), request.CurrentPassword ?? "", request.NewPassword ?? "");
        return result.Succeeded
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. result.Errors] });
    }
}
