using Vigil.Core.Events;
using Vigil.Dashboard.Policies;
using Vigil.Workflows;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Workflows;

public static class WorkflowConsoleServices
{
    /// <summary>
    /// The workflow engine on the console's own database (its 0200 migrations are Core's), fed by the domain event
    /// outbox and reporting back through it; named policies, which the Evaluate policy activity and <c>vigil scan</c> use.
    /// </summary>
    public static IServiceCollection AddVigilWorkflowConsole(this IServiceCollection services)
    {
        services.AddVigilWorkflows();
        services.AddSingleton<IWorkflowObserver, OutboxWorkflowObserver>();
        services.AddSingleton<IDomainEventSubscriber, WorkflowEventAdapter>();
        services.AddHostedService<WorkflowTimerSweeper>();
        services.AddSingleton<WorkflowTemplateInstaller>();
        services.AddSingleton<ApprovalDesk>();
        services.AddSingleton<WorkflowAdministration>();
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<INodeActions, ConsoleNodeActions>();
        services.AddSingleton<INotifier, ConsoleNotifier>();
        return services;
    }
}
