using Vigil.Core.Events;

namespace Vigil.Dashboard.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Notification rules, the event router, the delivery queue and its worker.</summary>
    public static IServiceCollection AddVigilNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.SectionName));
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<EventNotifications>();
        services.AddSingleton<NotificationRuleStore>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<DigestQueue>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationTests>();
        services.AddSingleton<IDomainEventSubscriber, NotificationRouter>();
        services.AddSingleton<NotificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWorker>());
        return services;
    }
}
