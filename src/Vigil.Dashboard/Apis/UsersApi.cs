using System.Security.Claims;
using Vigil.Core.Accounts;
using Vigil.Dashboard.Accounts;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class UsersApi
{
    public sealed record UserView(string Id, string Email, string Role, bool Disabled, bool LockedOut, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt)
    {
        public static UserView From(VigilUser u) =>
            new(u.Id, u.Email, u.Role, u.Disabled, u.LockoutEnd > DateTimeOffset.UtcNow, u.CreatedAt, u.LastSignInAt);
    }

    public sealed record CreateUserRequest(string Email, string Password, string Role);

    public sealed record RoleRequest(string Role);

    public sealed record PasswordRequest(string Password);

    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AccessPolicies.Administer);
        users.MapGet("/", List).WithName("ListUsers").WithSummary("All users");
        users.MapPost("/", Create).WithName("CreateUser").WithSummary("Create a user with a role");
        users.MapPut("/{id}/role", ChangeRole).WithName("ChangeUserRole").WithSummary("Change a user's role");
        users.MapPost("/{id}/disable", Disable).WithName("DisableUser").WithSummary("Disable a user and end their sessions");
        users.MapPost("/{id}/enable", Enable).WithName("EnableUser").WithSummary("Enable a disabled user");
        users.MapPost("/{id}/password", ResetPassword).WithName("ResetUserPassword").WithSummary("Set a new password for a user");
    }

    private static async Task<Ok<ItemsPage<UserView>>> List(UserDirectory directory)
    {
        var all = await directory.ListAsync();
        return TypedResults.Ok(new ItemsPage<UserView>(all.Select(UserView.From).ToList(), all.Count));
    }

    private static async Task<Results<Created<UserView>, ValidationProblem>> Create(CreateUserRequest request, AccountService accounts, UserDirectory directory, ClaimsPrincipal caller)
    {
        var result = await accounts.CreateUserAsync(request.Email ?? "", request.Password ?? "", request.Role ?? "", caller.ActorName());
        if (!result.Succeeded)
        {
            return Invalid(result);
        }

        var created = (await directory.ListAsync()).Single(u => string.Equals(u.Email, request.Email!.Trim(), StringComparison.OrdinalIgnoreCase));
        return TypedResults.Created($"{VigilApi.Prefix}/users/{created.Id}", UserView.From(created));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangeRole(string id, RoleRequest request, AccountService accounts, ClaimsPrincipal caller) =>
        Outcome(await accounts.ChangeRoleAsync(id, request.Role ?? "", caller.ActorName()));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Disable(string id, AccountService accounts, ClaimsPrincipal caller) =>
        Outcome(await accounts.SetDisabledAsync(id, true, caller.ActorId(), caller.ActorName()));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Enable(string id, AccountService accounts, ClaimsPrincipal caller) =>
        Outcome(await accounts.SetDisabledAsync(id, false, caller.ActorId(), caller.ActorName()));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ResetPassword(string id, PasswordRequest request, AccountService accounts, ClaimsPrincipal caller) =>
        Outcome(await accounts.ResetPasswordAsync(id, request.Password ?? "", caller.ActorName()));

    private static Results<NoContent, NotFound, ValidationProblem> Outcome(AccountResult result) =>
        result.Succeeded ? TypedResults.NoContent() : result.NotFound ? TypedResults.NotFound() : Invalid(result);

    private static ValidationProblem Invalid(AccountResult result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [.. result.Errors] });
}
