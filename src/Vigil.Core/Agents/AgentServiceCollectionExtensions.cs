using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Core.Nodes;

namespace Vigil.Core.Agents;

public static class AgentServiceCollectionExtensions
{
    /// <summary>Enrollment, agent credentials, the node inventory, its administration and timeline, and the offline sweep (<c>Vigil:Agents</c> options).</summary>
    public static IServiceCollection AddVigilAgents(this IServiceCollection services)
    {
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName);
        services.AddSingleton<EnrollmentTokenService>();
        services.AddSingleton<AgentEnrollment>();
        services.AddSingleton<AgentCredentials>();
        services.AddSingleton<NodeInventory>();
        services.AddSingleton<ContainerInventory>();
        services.AddSingleton<NodeAdministration>();
        services.AddSingleton<NodeTimeline>();
        services.AddSingleton<IDomainEventSubscriber>(sp => sp.GetRequiredService<NodeTimeline>());
        services.AddSingleton<NodeHeartbeats>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeHeartbeats>());
        services.AddHostedService<OfflineNodeSweeper>();
        return services;
    }
}
