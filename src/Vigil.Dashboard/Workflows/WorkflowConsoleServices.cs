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
        // Before AddVigilWorkflows, whose default scheduler is only a fallback (TryAdd).
        services.AddSingleton<IWorkflowTimerScheduler, QuartzWorkflowTimerScheduler>();
        services.AddVigilWorkflows();
        services.AddSingleton<IWorkflowObserver, OutboxWorkflowObserver>();
        services.AddSingleton<IDomainEventSubscriber, WorkflowEventAdapter>();
        services.AddHostedService<WorkflowTimerCatchUp>();
        services.AddSingleton<WorkflowCronTriggers>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowCronTriggers>());
        services.AddTransient<WorkflowTimerJob>();
        services.AddTransient<WorkflowCronJob>();
        services.AddSingleton<WorkflowTemplateInstaller>();
        services.AddSingleton<ApprovalDesk>();
        services.AddSingleton<WorkflowAdministration>();
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<IPolicyEvaluator, ConsolePolicyEvaluator>();
        services.AddSingleton<INodeActions, ConsoleNodeActions>();
        services.AddSingleton<INotifier, ConsoleNotifier>();
        return services;
    }
}
