using System.Security.Claims;
using Vigil.Dashboard.Notifications;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

/// <summary>Notification rules: which events go to which channels. Reading needs any role, changing them Admin.</summary>
public static class NotificationRulesApi
{
    public static void MapNotificationRulesApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/notification-rules").WithTags("Notifications");
        rules.MapGet("/", List).WithName("ListNotificationRules").WithSummary("Every notification rule");
        rules.MapGet("/{id}", Get).WithName("GetNotificationRule").WithSummary("One notification rule");
        rules.MapPost("/", Create).WithName("CreateNotificationRule").WithSummary("Add a rule: events, filters, channels, digest window")
            .RequireAuthorization(AccessPolicies.Administer);
        rules.MapPut("/{id}", Update).WithName("UpdateNotificationRule").WithSummary("Replace a rule").RequireAuthorization(AccessPolicies.Administer);
        rules.MapDelete("/{id}", Delete).WithName("DeleteNotificationRule").WithSummary("Remove a rule").RequireAuthorization(AccessPolicies.Administer);
    }

    private static async Task<Ok<ItemsPage<NotificationRule>>> List(NotificationRuleStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(new ItemsPage<NotificationRule>(all, all.Count));
    }

    private static async Task<Results<Ok<NotificationRule>, NotFound>> Get(string id, NotificationRuleStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();

    private static async Task<Results<Created<NotificationRule>, ValidationProblem>> Create(
        NotificationRuleInput input, NotificationRuleStore store, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await store.SaveAsync(null, input, caller.ActorName(), cancellationToken);
            return TypedResults.Created($"{VigilApi.Prefix}/notification-rules/{saved.Id}", saved);
        }
        catch (InputValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }
    }

    private static async Task<Results<Ok<NotificationRule>, NotFound, ValidationProblem>> Update(
        string id, NotificationRuleInput input, NotificationRuleStore store, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await store.SaveAsync(id, input, caller.ActorName(), cancellationToken));
        }
        catch (InputValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, NotificationRuleStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
