using Bunit;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Components;

/// <summary>
/// A component test whose services come from a real dashboard (SQLite file, real stores), so components are tested
/// against what they really call.
/// </summary>
public abstract class HostedComponentTest(DashboardOptions options) : ComponentTest, IAsyncLifetime
{
    private DashboardHost? _host;

    protected DashboardHost Host => _host ?? throw new InvalidOperationException("The dashboard has not started.");

    public virtual async ValueTask InitializeAsync()
    {
        _host = await DashboardHost.StartAsync(options);
        Services.AddFallbackServiceProvider(_host.Services);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
