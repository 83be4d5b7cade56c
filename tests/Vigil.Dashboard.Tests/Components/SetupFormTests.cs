using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Accounts;
using Vigil.Dashboard.Components.Pages.Account;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Components;

/// <summary>The setup page's validation, rendered with the real services of a fresh dashboard (no users yet).</summary>
public sealed class SetupFormTests() : HostedComponentTest(new DashboardOptions { Bootstrap = false })
{
    [Fact]
    public async Task Empty_form_shows_a_message_for_every_field_and_creates_nobody()
    {
        var setup = Render<Setup>();

        setup.Find("form").Submit();

        var messages = setup.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("Enter the Admin's email address.", messages);
        Assert.Contains("Choose a password.", messages);
        Assert.Contains("Repeat the password.", messages);
        Assert.False(await Host.Services.GetRequiredService<UserDirectory>().AnyUserAsync());
    }

    [Fact]
    public async Task Bad_email_short_password_and_mismatch_are_each_named()
    {
        var setup = Render<Setup>();
        setup.Find("#setup-email").Change("admin-at-example");
        setup.Find("#setup-password").Change("short");
        setup.Find("#setup-confirm").Change("other");

        setup.Find("form").Submit();

        var messages = setup.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Equal(["Enter a valid email address.", "Use at least 12 characters.", "The passwords do not match."], messages);
        Assert.False(await Host.Services.GetRequiredService<UserDirectory>().AnyUserAsync());
    }

    [Fact]
    public async Task Password_rules_of_the_identity_policy_are_shown_as_errors()
    {
        var setup = Render<Setup>();
        setup.Find("#setup-email").Change("owner@vigil.test");
        setup.Find("#setup-password").Change("onlylowercaseletters");
        setup.Find("#setup-confirm").Change("onlylowercaseletters");

        setup.Find("form").Submit();

        var alert = setup.Find(".vigil-auth-error").TextContent;
        Assert.Contains("uppercase", alert);
        Assert.Contains("digit", alert);
        Assert.False(await Host.Services.GetRequiredService<UserDirectory>().AnyUserAsync());
    }
}
