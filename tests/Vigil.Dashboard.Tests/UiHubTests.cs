using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Dashboard.Hubs;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests;

public sealed class UiHubTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Domain_events_reach_live_ui_clients_in_batches()
    {
        var (_, viewerKey) = await fixture.Host.Api().CreateApiKeyAsync("wall-display", "Viewer");
        await using var listener = await UiHubListener.ConnectAsync(fixture.Host, viewerKey);

        var outbox = fixture.Host.Services.GetRequiredService<EventOutbox>();
        await outbox.PublishAsync(new SignInFailed("someone@vigil.test", "wrong email or password", "192.0.2.7"));
        using var admin = fixture.Host.Api();
        var (id, _) = await admin.CreateApiKeyAsync("short-lived", "Viewer");
        await admin.Http.DeleteAsync($"/api/v1/api-keys/{id}");

        var received = await listener.WaitForAsync("ApiKeyRevoked", TimeSpan.FromSeconds(15));
        var revoked = received.Single(e => UiHubListener.TypeOf(e) == "ApiKeyRevoked");
        Assert.Equal("short-lived", revoked.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(revoked.GetProperty("id").GetString()));
        Assert.Contains(received, e => UiHubListener.TypeOf(e) == "ApiKeyCreated" && e.GetProperty("name").GetString() == "short-lived");
        Assert.DoesNotContain(received, e => UiHubListener.TypeOf(e) == "SignInFailed");
    }

    [Fact]
    public async Task Anonymous_clients_cannot_connect()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(fixture.Host.BaseAddress, UiHub.Route)).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
