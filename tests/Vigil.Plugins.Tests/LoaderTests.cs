using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Json;

namespace Vigil.Plugins.Tests;

public sealed class LoaderTests(PluginsFixture fixture)
{
    [Fact]
    public async Task Two_plugins_with_different_versions_of_one_library_both_work()
    {
        using var api = fixture.Host.Api();
        var old = await CreateAsync(api, "test.json-old", "json-old", "old one");
        var @new = await CreateAsync(api, "test.json-new", "json-new", "new one");

        var oldResult = await api.PostJsonAsync($"/api/v1/integrations/{old}/test", new { });
        var newResult = await api.PostJsonAsync($"/api/v1/integrations/{@new}/test", new { });

        Assert.True(oldResult.GetProperty("success").GetBoolean());
        Assert.Equal("Newtonsoft.Json 12.0.0.0 {\"label\":\"old one\"}", oldResult.GetProperty("message").GetString());
        Assert.True(newResult.GetProperty("success").GetBoolean());
        Assert.Equal("Newtonsoft.Json 13.0.0.0 {\"label\":\"new one\"}", newResult.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("test.throwing", "test plugin refuses to start")]
    [InlineData("test.future", "built for SDK ^2.0, but this console provides SDK 1.1.0")]
    [InlineData("test.corrupt", "'Corrupt.dll' is not a valid .NET assembly")]
    [InlineData("test.slow", "did not start within 3 s")]
    public async Task A_broken_plugin_is_reported_with_its_error_and_disabled(string id, string error)
    {
        using var api = fixture.Host.Api();
        var plugin = await PluginAsync(api, id);

        Assert.Equal("failed", plugin.GetProperty("state").GetString());
        Assert.Contains(error, plugin.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_plugins_load_beside_broken_ones_and_the_console_keeps_serving()
    {
        using var api = fixture.Host.Api();
        foreach (var id in new[] { "test.json-old", "test.json-new", "vigil.sample" })
        {
            var plugin = await PluginAsync(api, id);
            Assert.Equal("loaded", plugin.GetProperty("state").GetString());
            Assert.False(plugin.TryGetProperty("error", out _)); // nulls are omitted (VigilJson)
        }

        var health = await api.GetJsonAsync("/api/v1/health");
        Assert.Equal(JsonValueKind.Object, health.ValueKind);
    }

    [Fact]
    public async Task A_disabled_plugin_cannot_be_configured()
    {
        using var api = fixture.Host.Api();
        using var response = await api.Http.PostAsJsonAsync("/api/v1/integrations",
            new { name = "nope", pluginId = "test.future", connectorType = "jsonl-file", settings = new { directory = "/tmp" } }, VigilJson.Options);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("disabled: built for SDK ^2.0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_activity_is_offered_to_the_workflow_engine_and_runs_in_its_own_load_context()
    {
        using var api = fixture.Host.Api();
        var activities = await api.GetJsonAsync("/api/v1/workflow-activities");

        var types = activities.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()).ToArray();
        Assert.Contains("Test.JsonVersion", types);
    }

    internal static async Task<string> CreateAsync(Testing.VigilApiClient api, string pluginId, string type, string label, string token = "a-token")
    {
        var created = await api.PostJsonAsync("/api/v1/integrations",
            new { name = $"{type} {Guid.NewGuid():N}", pluginId, connectorType = type, settings = new { token, label } });
        return created.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> PluginAsync(Testing.VigilApiClient api, string id)
    {
        var plugins = await api.GetJsonAsync("/api/v1/plugins");
        return plugins.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
    }
}
