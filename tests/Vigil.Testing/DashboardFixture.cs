namespace Vigil.Testing;

/// <summary>One bootstrapped dashboard shared by the tests of a class (xunit class fixture).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private DashboardHost? _host;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The dashboard has not started.");

    public async ValueTask InitializeAsync() => _host = await DashboardHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
