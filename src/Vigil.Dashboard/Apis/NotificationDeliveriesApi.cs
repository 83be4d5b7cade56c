using System.Security.Claims;
using Vigil.Dashboard.Notifications;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

/// <summary>The delivery log (status, attempts, last error, response code; never a secret) and "send test" for a channel.</summary>
public static class NotificationDeliveriesApi
{
    public const int MaxPageSize = 500;

    private static readonly string[] Statuses = [DeliveryStatus.Pending, DeliveryStatus.Sending, DeliveryStatus.Delivered, DeliveryStatus.Failed];

    public static void MapNotificationDeliveriesApi(this RouteGroupBuilder api)
    {
        var deliveries = api.MapGroup("/notification-deliveries").WithTags("Notifications");
        deliveries.MapGet("/", List).WithName("ListNotificationDeliveries").WithSummary("The delivery log, newest first (filters: status, integrationId)");
        deliveries.MapGet("/{id}", Get).WithName("GetNotificationDelivery").WithSummary("One delivery");
        api.MapPost("/notification-channels/{id}/test", SendTest).WithTags("Notifications").WithName("SendTestNotification")
            .WithSummary("Queue a test message to one notification channel; follow it in the delivery log")
            .RequireAuthorization(AccessPolicies.Administer);
    }

    private static async Task<Results<Ok<ItemsPage<NotificationDelivery>>, ValidationProblem>> List(
        DeliveryQueue queue, int? skip, int? take, string? status, string? integrationId, CancellationToken cancellationToken)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"one of {string.Join(", ", Statuses)}"] });
        }

        var page = await queue.ListAsync(skip ?? 0, Math.Clamp(take ?? 50, 1, MaxPageSize), status, integrationId, cancellationToken);
        return TypedResults.Ok(new ItemsPage<NotificationDelivery>(page.Items, page.Total));
    }

    private static async Task<Results<Ok<NotificationDelivery>, NotFound>> Get(string id, DeliveryQueue queue, CancellationToken cancellationToken) =>
        await queue.GetAsync(id, cancellationToken) is { } delivery ? TypedResults.Ok(delivery) : TypedResults.NotFound();

    private static async Task<Results<Accepted<NotificationDelivery>, NotFound>> SendTest(
        string id, NotificationTests tests, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await tests.SendAsync(id, caller.ActorName(), cancellationToken) is { } delivery
            ? TypedResults.Accepted($"{VigilApi.Prefix}/notification-deliveries/{delivery.Id}", delivery)
            : TypedResults.NotFound();
}
