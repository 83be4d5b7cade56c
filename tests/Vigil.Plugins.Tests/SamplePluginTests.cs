using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Dashboard.Integrations;
using Vigil.Plugins.Sdk.Notifications;
using Vigil.Testing;

namespace Vigil.Plugins.Tests;

/// <summary>The sample plugin newcomers copy is built, loaded and works like any other.</summary>
public sealed class SamplePluginTests(PluginsFixture fixture)
{
    [Fact]
    public async Task The_sample_channel_appends_notifications_at_or_above_its_severity_as_json_lines()
    {
        using var directory = new TempDirectory("vigil-sample");
        using var api = fixture.Host.Api();
        var created = await api.PostJsonAsync("/api/v1/integrations", new
        {
            name = $"sample {Guid.NewGuid():N}", pluginId = "vigil.sample", connectorType = "jsonl-file",
            settings = new { directory = directory.Path, minimumSeverity = "high" },
        });
        var id = created.GetProperty("id").GetString()!;
        var service = fixture.Host.Services.GetRequiredService<IntegrationService>();
        var stored = (await service.GetWithSecretsAsync(id))!;

        var test = await api.PostJsonAsync($"/api/v1/integrations/{id}/test", new { });
        foreach (var severity in new[] { NotificationSeverity.Low, NotificationSeverity.Critical })
        {
            var message = new NotificationMessage($"{severity} finding", "text", severity, new Uri("http://127.0.0.1/scans/1"), [new("Node", "web-01")], "key-1");
            await service.UseAsync<INotificationChannel, bool>(stored, async (c, ct) =>
            {
                await c.SendAsync(message, ct);
                return true;
            }, "send", default);
        }

        var lines = await File.ReadAllLinesAsync(Path.Combine(directory.Path, "vigil-notifications.jsonl"));
        Assert.True(test.GetProperty("success").GetBoolean());
        var line = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("Critical finding", line.GetProperty("title").GetString());
        Assert.Equal("critical", line.GetProperty("severity").GetString());
        Assert.Equal("web-01", line.GetProperty("facts").GetProperty("Node").GetString());
    }

    [Fact]
    public async Task The_sample_factory_refuses_a_relative_directory_by_field()
    {
        using var api = fixture.Host.Api();
        using var response = await api.Http.PostAsync("/api/v1/integrations", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "relative", pluginId = "vigil.sample", connectorType = "jsonl-file", settings = new { directory = "relative/dir" },
        }));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be an absolute path", problem.GetProperty("errors").GetProperty("directory")[0].GetString());
    }
}
