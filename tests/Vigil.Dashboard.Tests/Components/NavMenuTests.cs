using Bunit;
using Vigil.Dashboard.Components.Layout;

namespace Vigil.Dashboard.Tests.Components;

public sealed class NavMenuTests : ComponentTest
{
    private static readonly string[] ProductSections =
        ["", "nodes", "scans", "registries", "schedules", "workflows", "workflows/approvals", "policies", "integrations", "integrations/notifications", "settings/health"];

    [Fact]
    public void Admin_sees_the_whole_product_and_the_admin_settings()
    {
        AddAuthorization().SetAuthorized("admin@vigil.test").SetRoles("Admin");

        var links = Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.All(ProductSections, section => Assert.Contains(section, links));
        Assert.Contains("settings/users", links);
        Assert.Contains("settings/api-keys", links);
        Assert.Contains("settings/audit", links);
        Assert.Contains("settings/feed", links);
    }

    [Fact]
    public void Viewer_sees_the_product_but_not_the_admin_settings()
    {
        AddAuthorization().SetAuthorized("viewer@vigil.test").SetRoles("Viewer");

        var nav = Render<NavMenu>();
        var links = nav.FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.All(ProductSections, section => Assert.Contains(section, links));
        Assert.DoesNotContain("settings/users", links);
        Assert.DoesNotContain("settings/api-keys", links);
        Assert.DoesNotContain("settings/audit", links);
        Assert.DoesNotContain("settings/feed", links);
        Assert.Contains("Monitoring wall", nav.Markup);
    }
}
