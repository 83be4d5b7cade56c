using System.Text.Json;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Scans;

/// <summary>
/// A dashboard with the shared feeds imported and the same vulnerable SBOM (npm fixture + Go 1.19 binary) pushed for
/// two applications, each matched for real: the scans the report and fleet tests read.
/// </summary>
public sealed class ScannedFleetFixture : IAsyncLifetime
{
    public DashboardHost Host { get; private set; } = null!;

    public VigilApiClient Api { get; private set; } = null!;

    /// <summary>The scan of <c>shop-api</c>; the report tests read it and never triage it.</summary>
    public JsonElement ShopScan { get; private set; }

    /// <summary>The scan of <c>billing-api</c>; the triage test changes its node's findings.</summary>
    public JsonElement BillingScan { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Host = await DashboardHost.StartAsync();
        Api = Host.Api();
        await ScanData.ImportFeedsAsync(Host);
        var sbom = await ScanData.VulnerableSbomAsync();
        ShopScan = await ScanData.WaitForCompletionAsync(Api.Http, await ScanData.PushAsync(Api.Http, "shop-api", sbom));
        BillingScan = await ScanData.WaitForCompletionAsync(Api.Http, await ScanData.PushAsync(Api.Http, "billing-api", sbom));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
    }
}
