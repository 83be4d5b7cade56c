using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Storage;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Tests.Support;

/// <summary>
/// One engine (as one console process would have) over a shared database: its own service provider, registry, caches and
/// engine id. Create two over the same <see cref="SqliteTestDatabase"/> to model two console instances.
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public WorkflowTestHost(
        IDbConnectionFactory database,
        Action<IServiceCollection>? configureServices = null,
        Action<WorkflowEngineOptions>? configureOptions = null,
        FakeTimeProvider? time = null,
        bool realTime = false)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var services = new ServiceCollection();
        services.AddSingleton(database);
        // Real time where a library schedules its own timers from the container's clock (Polly's retry delays).
        services.AddSingleton(realTime ? TimeProvider.System : Time);
        services.AddVigilWorkflows(options =>
        {
            options.HttpRetryDelay = TimeSpan.FromMilliseconds(10);
            configureOptions?.Invoke(options);
        });
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();

    public WorkflowDefinitionStore Definitions => _services.GetRequiredService<WorkflowDefinitionStore>();

    public WorkflowInstanceStore Instances => _services.GetRequiredService<WorkflowInstanceStore>();

    public WorkflowBookmarkStore Bookmarks => _services.GetRequiredService<WorkflowBookmarkStore>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
