using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Agents;
using Vigil.Core.Audit;
using Vigil.Testing;

namespace Vigil.Cloud.Tests;

/// <summary>
/// The local fleet from the pages in real Chromium: "Launch instance" on the Integrations page starts a real agent
/// that registers, and "Remove via…" on the Nodes page terminates it through the connector.
/// </summary>
public sealed class FleetPageBrowserTests(FleetPageFixture fleet) : IClassFixture<FleetPageFixture>
{
    private static readonly string ShotDirectory = Path.Combine(Path.GetTempPath(), "fleetui-shots");

    [Fact]
    public async Task An_admin_launches_an_instance_from_the_integration_page_and_terminates_it_from_the_nodes_page()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(fleet.Host.BaseAddress);
        await page.SetViewportSizeAsync(1440, 900);
        await Browser.SignInAsync(page);

        await page.GotoAsync("/integrations");
        await Browser.WaitForInteractiveAsync(page);
        var row = page.Locator("#integrations-table tr", new() { HasText = FleetPageFixture.FleetName });
        await row.Locator(".open-integration").ClickAsync();
        var view = page.Locator("#integration-view");
        await Assertions.Expect(view.Locator("#no-instances")).ToBeVisibleAsync();
        await view.Locator(".integration-action[data-action=launch]").ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("Node name *").FillAsync("page-web");
        await dialog.Locator("#setting-root").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = fleet.Root }).ClickAsync();
        await dialog.GetByLabel("Labels").FillAsync("team=web");
        await ShotAsync(page, "launch-dialog");
        await dialog.Locator("#run-action").ClickAsync();

        var instances = view.Locator("#instances-table");
        await Assertions.Expect(instances).ToContainTextAsync("page-web", new() { Timeout = 90_000 });
        var nodes = await fleet.Api.WaitForJsonAsync("/api/v1/nodes?label=team%3Dweb",
            n => n.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("status").GetString() == "online"), TimeSpan.FromSeconds(90));
        var node = nodes.GetProperty("items").EnumerateArray().Single();
        var nodeId = node.GetProperty("id").GetString()!;
        var instanceId = node.GetProperty("labels").GetProperty("localfleet/instance").GetString()!;
        var pid = InstanceRecord(instanceId).GetProperty("processId").GetInt32();
        Assert.True(LocalFleetFixture.ProcessAlive(pid));
        Assert.Equal(fleet.Root, InstanceRecord(instanceId).GetProperty("root").GetString());
        await Assertions.Expect(instances.Locator("tr", new() { HasText = instanceId })).ToContainTextAsync("page-web");
        await Assertions.Expect(instances.Locator("tr", new() { HasText = instanceId }).Locator(".instance-state")).ToHaveTextAsync("running");
        await ShotAsync(page, "integration-instances");

        // A node no integration confirms: the dialog says why nothing can be removed, and offers nothing.
        var tokens = fleet.Host.Services.GetRequiredService<EnrollmentTokenService>();
        var token = await tokens.CreateAsync("hand-made", null, 1, null, "test");
        await fleet.Host.Services.GetRequiredService<AgentEnrollment>().EnrollAsync(token.Token, "hand-made", null, null);
        await page.GotoAsync("/nodes");
        await Browser.WaitForInteractiveAsync(page);
        await page.Locator("#nodes-table tr", new() { HasText = "hand-made" }).Locator(".remove-via").ClickAsync();
        dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("#removal-unavailable")).ToContainTextAsync($"{FleetPageFixture.FleetName}: not one of its instances", new() { Timeout = 30_000 });
        await Assertions.Expect(dialog.Locator("#removal-confirm")).ToHaveCountAsync(0);
        await ShotAsync(page, "nodes-remove-unavailable");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await page.Locator("#nodes-table tr", new() { HasText = "page-web" }).Locator(".remove-via").ClickAsync();
        dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("#removal-mapping")).ToContainTextAsync($"Managed by {FleetPageFixture.FleetName} as instance {instanceId}", new() { Timeout = 30_000 });
        await Assertions.Expect(dialog.Locator("#removal-what")).ToContainTextAsync($"{FleetPageFixture.FleetName} terminates instance {instanceId}");
        await Assertions.Expect(dialog.Locator("#removal-confirm")).ToBeDisabledAsync();
        await dialog.Locator("#removal-reason").FillAsync("left over from the demo");
        await Assertions.Expect(dialog.Locator("#removal-confirm")).ToBeEnabledAsync();
        await Assertions.Expect(dialog).ToContainTextAsync($"Remove page-web via {FleetPageFixture.FleetName}");
        // The screenshot waits for the button's colour transition to end (enabled is red).
        await page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('#removal-confirm')).backgroundColor === 'rgb(224, 49, 49)'");
        await ShotAsync(page, "nodes-remove-dialog");
        await dialog.Locator("#removal-confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Node terminated via {FleetPageFixture.FleetName} ({instanceId})", new() { Timeout = 30_000 });

        Assert.False(LocalFleetFixture.ProcessAlive(pid));
        Assert.False(Directory.Exists(Path.Combine(fleet.FleetDirectory, instanceId)));
        var listed = await fleet.Api.GetJsonAsync($"/api/v1/integrations/{fleet.IntegrationId}/instances");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
        Assert.Equal("removed", (await fleet.Api.GetJsonAsync($"/api/v1/nodes/{nodeId}")).GetProperty("status").GetString());
        var timeline = await fleet.Api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}/timeline",
            t => t.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "NodeRemoved"), TimeSpan.FromSeconds(15));
        var removed = timeline.GetProperty("items").EnumerateArray().First(e => e.GetProperty("type").GetString() == "NodeRemoved");
        Assert.Equal($"{FleetPageFixture.FleetName} ({instanceId})", removed.GetProperty("payload").GetProperty("via").GetString());
        Assert.Equal("the instance no longer exists", removed.GetProperty("payload").GetProperty("outcome").GetString());
        var audit = fleet.Host.Services.GetRequiredService<AuditLog>();
        var launchAudit = (await audit.QueryAsync(new AuditQuery(Action: "Integration action run"))).Items.Single(e => e.Target == FleetPageFixture.FleetName);
        Assert.Equal(DashboardHost.AdminEmail, launchAudit.Actor);
        Assert.Contains(instanceId, launchAudit.Detail, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#nodes-table tr", new() { HasText = "page-web" }).Locator(".node-status")).ToHaveTextAsync("removed", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task Launch_input_that_does_not_fit_the_form_is_refused_by_field_and_starts_nothing()
    {
        var path = $"/api/v1/integrations/{fleet.IntegrationId}/actions/launch";
        var before = Instances();
        using var badName = await fleet.Api.Http.PostAsJsonAsync(path, new { name = "no spaces allowed", count = 1 }, TestContext.Current.CancellationToken);
        using var otherRoot = await fleet.Api.Http.PostAsJsonAsync(path, new { name = "web", root = "/etc" }, TestContext.Current.CancellationToken);
        using var tooMany = await fleet.Api.Http.PostAsJsonAsync(path, new { name = "web", count = 50 }, TestContext.Current.CancellationToken);
        using var badLabel = await fleet.Api.Http.PostAsJsonAsync(path, new { name = "web", labels = new[] { "no-equals-sign" } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.True((await ErrorsAsync(badName)).TryGetProperty("name", out _));
        Assert.Contains("must be one of", (await ErrorsAsync(otherRoot)).GetProperty("root")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("must be between 1 and 5", (await ErrorsAsync(tooMany)).GetProperty("count")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("is not key=value", (await ErrorsAsync(badLabel)).GetProperty("labels")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, Instances());
    }

    [Fact]
    public async Task The_launch_action_is_described_by_its_schema_and_only_operators_run_it_and_only_admins_terminate()
    {
        var actions = await fleet.Api.GetJsonAsync($"/api/v1/integrations/{fleet.IntegrationId}/actions");
        var launch = actions.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("launch", launch.GetProperty("name").GetString());
        Assert.False(launch.GetProperty("requiresAdmin").GetBoolean());
        var root = launch.GetProperty("input").GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "root");
        Assert.Equal([fleet.Root], root.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!));

        var (_, viewerKey) = await fleet.Api.CreateApiKeyAsync("fleet-viewer", "viewer");
        var (_, operatorKey) = await fleet.Api.CreateApiKeyAsync("fleet-operator", "operator");
        using var viewer = fleet.Host.CreateClient(viewerKey);
        using var @operator = fleet.Host.CreateClient(operatorKey);
        using var viewerLaunch = await viewer.PostAsJsonAsync($"/api/v1/integrations/{fleet.IntegrationId}/actions/launch", new { name = "web" }, TestContext.Current.CancellationToken);
        using var operatorTerminate = await @operator.PostAsJsonAsync($"/api/v1/integrations/{fleet.IntegrationId}/instances/lf-000000000000/terminate", new { reason = "r" }, TestContext.Current.CancellationToken);
        using var noReason = await fleet.Api.Http.PostAsJsonAsync($"/api/v1/integrations/{fleet.IntegrationId}/instances/lf-000000000000/terminate", new { reason = " " }, TestContext.Current.CancellationToken);
        using var unknown = await fleet.Api.Http.PostAsJsonAsync($"/api/v1/integrations/{fleet.IntegrationId}/instances/lf-000000000000/terminate", new { reason = "gone" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, viewerLaunch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorTerminate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private string[] Instances() =>
        [.. Directory.EnumerateFiles(fleet.FleetDirectory, "instance.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private JsonElement InstanceRecord(string instanceId) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(fleet.FleetDirectory, instanceId, "instance.json"))).RootElement;

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    /// <summary>The suite's screenshot, plus a copy kept where people review the fleet pages' looks.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await Browser.ScreenshotAsync(page, name);
        Directory.CreateDirectory(ShotDirectory);
        File.Copy(Path.Combine(Browser.ScreenshotDirectory, name + ".png"), Path.Combine(ShotDirectory, name + ".png"), overwrite: true);
    }
}
