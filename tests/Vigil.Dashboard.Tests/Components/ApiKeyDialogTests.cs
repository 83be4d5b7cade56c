using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Vigil.Core.Accounts;
using Vigil.Dashboard.Components.Pages.Settings;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Components;

public sealed class ApiKeyDialogTests() : HostedComponentTest(new DashboardOptions())
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        AddAuthorization().SetAuthorized(DashboardHost.AdminEmail).SetRoles("Admin");
    }

    [Fact]
    public async Task Reveal_dialog_shows_the_key_once_and_it_is_gone_after_closing()
    {
        const string key = "vgl_shown-once-0123456789abcdefghijklmnop";
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ApiKeyRevealDialog> { { d => d.Key, key }, { d => d.Name, "ci" } };

        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<ApiKeyRevealDialog>("Copy your new API key", parameters));

        Assert.Equal(key, provider.Find("#api-key-value").TextContent);
        Assert.Contains("only time the key is shown", provider.Markup);

        provider.Find("#api-key-done").Click();
        var result = await reference.Result;
        Assert.False(result!.Canceled);
        provider.WaitForAssertion(() => Assert.DoesNotContain(key, provider.Markup));
    }

    [Fact]
    public async Task Create_dialog_requires_a_name_and_returns_the_request()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<CreateApiKeyDialog>("Create API key"));

        var submit = provider.Find("#api-key-submit");
        Assert.True(submit.HasAttribute("disabled"), "Create stays disabled until the form is valid");

        provider.Find("#api-key-name input, input#api-key-name").Input("release-pipeline");
        provider.WaitForAssertion(() => Assert.False(provider.Find("#api-key-submit").HasAttribute("disabled")));
        provider.Find("#api-key-submit").Click();

        var result = await reference.Result;
        var request = Assert.IsType<CreateApiKeyDialog.Request>(result!.Data);
        Assert.Equal("release-pipeline", request.Name);
        Assert.Equal(Roles.Viewer, request.Role);
        Assert.Null(request.ExpiresAt);
    }

    [Fact]
    public async Task Keys_page_lists_keys_by_prefix_and_never_shows_a_secret()
    {
        var created = await Host.Services.GetRequiredService<ApiKeyService>().CreateAsync("listed-key", Roles.Operator, null, "test");

        var page = Render<ApiKeys>();
        page.WaitForAssertion(() => Assert.Contains("listed-key", page.Markup));

        Assert.Contains(created.Record.Prefix, page.Markup);
        Assert.DoesNotContain(created.Key, page.Markup);
        Assert.DoesNotContain(Host.AdminApiKey!, page.Markup);
    }
}
