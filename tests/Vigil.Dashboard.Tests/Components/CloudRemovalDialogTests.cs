using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vigil.Core.Agents;
using Vigil.Dashboard.Components.Cloud;
using Vigil.Dashboard.Components.Pages;
using Vigil.Dashboard.Security;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Components;

/// <summary>The Nodes page's "Remove via…" on a console with no cloud integration: offered to Admins only, and it explains why nothing can be removed.</summary>
public sealed class CloudRemovalDialogTests() : HostedComponentTest(new DashboardOptions())
{
    [Fact]
    public async Task Without_a_cloud_integration_the_dialog_says_why_and_offers_no_removal()
    {
        AddAuthorization().SetAuthorized(DashboardHost.AdminEmail).SetRoles("Admin");
        var nodeId = await EnrollAsync("no-cloud");
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<CloudRemovalDialog>("Remove", new DialogParameters<CloudRemovalDialog>
        {
            { d => d.NodeId, nodeId },
            { d => d.NodeName, "no-cloud" },
        }));

        provider.WaitForAssertion(() => Assert.Contains("No cloud integration is configured", provider.Find("#removal-unavailable").TextContent));
        Assert.Empty(provider.FindAll("#removal-confirm"));
        Assert.Empty(provider.FindAll("#removal-reason"));
    }

    [Theory]
    [InlineData("Admin", true)]
    [InlineData("Operator", false)]
    public async Task Only_admins_see_remove_via_on_a_node_row(string role, bool offered)
    {
        // bunit's authorization answers policies as told: the ones the role holds (AccessPolicies.RolesFor).
        var policies = new[] { AccessPolicies.Read, AccessPolicies.Operate, AccessPolicies.Administer }.Where(p => AccessPolicies.RolesFor(p).Contains(role)).ToArray();
        AddAuthorization().SetAuthorized($"{role.ToLowerInvariant()}@vigil.test").SetRoles(role).SetPolicies(policies);
        await EnrollAsync($"row-{role}");

        var page = Render<Nodes>();

        page.WaitForAssertion(() => Assert.Contains($"row-{role}", page.Markup));
        Assert.NotEmpty(page.FindAll(".scan-node"));
        Assert.Equal(offered, page.FindAll(".remove-via").Count > 0);
    }

    private async Task<string> EnrollAsync(string name)
    {
        var token = await Host.Services.GetRequiredService<EnrollmentTokenService>().CreateAsync(name, null, 1, null, "test");
        return (await Host.Services.GetRequiredService<AgentEnrollment>().EnrollAsync(token.Token, name, null, null)).Agent!.NodeId;
    }
}
