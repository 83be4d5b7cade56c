using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Activities;
using Vigil.Workflows.Contracts;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Expressions;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Validation;

namespace Vigil.Workflows;

/// <summary>Registers the workflow engine.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    private static readonly Type[] BuiltInActivities =
    [
        typeof(ManualTrigger), typeof(NodeRegisteredTrigger), typeof(ScanCompletedTrigger), typeof(ScanFailedTrigger),
        typeof(FeedUpdatedTrigger), typeof(FindingsChangedTrigger), typeof(CronTrigger), typeof(HttpEndpointTrigger),
        typeof(DecisionActivity), typeof(SwitchActivity), typeof(ForkActivity), typeof(JoinActivity), typeof(SetVariableActivity),
        typeof(LogActivity), typeof(DelayActivity), typeof(TimerActivity), typeof(ApprovalActivity), typeof(HttpRequestActivity),
        typeof(StartScanActivity), typeof(WaitForScanActivity), typeof(EvaluatePolicyActivity), typeof(RemoveNodeActivity),
        typeof(AddLabelActivity), typeof(NotifyActivity),
    ];

    /// <summary>
    /// Adds the engine and its built-in activities. The host must also register <see cref="Core.Storage.IDbConnectionFactory"/>
    /// (and run the 0200 migrations), and may register <see cref="IScanService"/>, <see cref="IPolicyEvaluator"/>,
    /// <see cref="INodeActions"/>, <see cref="INotifier"/>, <see cref="IWorkflowObserver"/> and a Quartz-backed
    /// <see cref="IWorkflowTimerScheduler"/>.
    /// </summary>
    public static IServiceCollection AddVigilWorkflows(this IServiceCollection services, Action<WorkflowEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new WorkflowEngineOptions();
        configure?.Invoke(options);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        foreach (var type in BuiltInActivities)
        {
            services.AddSingleton(new ActivityRegistration(type));
        }

        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<IExpressionEvaluator>(new JintExpressionEvaluator(options.Expressions));
        services.AddSingleton<WorkflowValidator>();
        services.AddSingleton<WorkflowSchemaGenerator>();
        services.AddSingleton<WorkflowExecutor>();
        services.AddSingleton<WorkflowTestRunner>();
        services.AddSingleton<WorkflowDefinitionStore>();
        services.AddSingleton<WorkflowInstanceStore>();
        services.AddSingleton<WorkflowBookmarkStore>();
        services.AddSingleton<RunningInstances>();
        services.AddSingleton<BurstRunner>();
        services.AddSingleton<TriggerMatcher>();
        services.AddSingleton<InstanceLeases>();
        services.AddSingleton<BookmarkResumer>();
        services.TryAddSingleton<IWorkflowTimerScheduler, StoredDueTimeScheduler>();
        services.AddSingleton<IWorkflowRuntime>(sp => new WorkflowRuntime(
            sp.GetRequiredService<WorkflowDefinitionStore>(),
            sp.GetRequiredService<WorkflowInstanceStore>(),
            sp.GetRequiredService<BurstRunner>(),
            sp.GetRequiredService<BookmarkResumer>(),
            sp.GetRequiredService<InstanceLeases>(),
            sp.GetRequiredService<TriggerMatcher>(),
            sp.GetRequiredService<RunningInstances>(),
            sp.GetRequiredService<IWorkflowTimerScheduler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WorkflowRuntime>>()));
        services.AddWorkflowHttpClient(options.HttpRetryDelay);
        return services;
    }

    /// <summary>Adds a custom activity class (plugins: every class of theirs with <see cref="ActivityAttribute"/>).</summary>
    public static IServiceCollection AddWorkflowActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IWorkflowActivity
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton(new ActivityRegistration(typeof(TActivity)));
    }
}
