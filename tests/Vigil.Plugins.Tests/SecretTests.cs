using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Json;

namespace Vigil.Plugins.Tests;

/// <summary>Secret settings go in and are used, but never come out: not in API responses, logs or the database file.</summary>
public sealed class SecretTests(PluginsFixture fixture)
{
    [Fact]
    public async Task A_secret_is_used_but_never_returned_logged_or_stored_in_clear()
    {
        var secret = $"tok-{Guid.NewGuid():N}";
        using var api = fixture.Host.Api();
        var id = await LoaderTests.CreateAsync(api, "test.json-new", "json-new", "secret holder", secret);

        var one = await api.Http.GetStringAsync($"/api/v1/integrations/{id}");
        var all = await api.Http.GetStringAsync("/api/v1/integrations");
        var test = await api.PostJsonAsync($"/api/v1/integrations/{id}/test", new { });

        Assert.True(test.GetProperty("success").GetBoolean());
        Assert.Contains("\"secretsSet\":[\"token\"]", one, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, one, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        // The plugin logs its settings object; its ToString names settings, never values.
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("Creating channel with settings", StringComparison.Ordinal) && l.Contains("(label, token)", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, fixture.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await DatabaseTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_without_the_secret_keeps_it_and_a_new_value_replaces_it()
    {
        using var api = fixture.Host.Api();
        var id = await LoaderTests.CreateAsync(api, "test.json-old", "json-old", "keeps", "first-secret");
        var name = JsonDocument.Parse(await api.Http.GetStringAsync($"/api/v1/integrations/{id}")).RootElement.GetProperty("name").GetString();

        using var kept = await api.Http.PutAsJsonAsync($"/api/v1/integrations/{id}",
            new { name, pluginId = "test.json-old", connectorType = "json-old", settings = new { label = "changed" } }, VigilJson.Options);
        var service = fixture.Host.Services.GetService(typeof(Dashboard.Integrations.IntegrationService)) as Dashboard.Integrations.IntegrationService;
        var afterKeep = await service!.GetWithSecretsAsync(id);
        using var replaced = await api.Http.PutAsJsonAsync($"/api/v1/integrations/{id}",
            new { name, pluginId = "test.json-old", connectorType = "json-old", settings = new { label = "changed", token = "second-secret" } }, VigilJson.Options);
        var afterReplace = await service.GetWithSecretsAsync(id);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("first-secret", afterKeep!.Secrets["token"]);
        Assert.Equal("changed", afterKeep.Integration.Settings["label"].GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("second-secret", afterReplace!.Secrets["token"]);
        Assert.DoesNotContain("second-secret", await replaced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_per_field_and_nothing_is_stored()
    {
        using var api = fixture.Host.Api();
        var before = (await api.GetJsonAsync("/api/v1/integrations")).GetProperty("total").GetInt32();

        using var response = await api.Http.PostAsJsonAsync("/api/v1/integrations",
            new { name = "bad", pluginId = "test.json-new", connectorType = "json-new", settings = new { label = 5, colour = "red" } }, VigilJson.Options);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("is required", errors.GetProperty("token")[0].GetString());
        Assert.Equal("must be a string", errors.GetProperty("label")[0].GetString());
        Assert.Equal("is not a setting of this connector", errors.GetProperty("colour")[0].GetString());
        Assert.Equal(before, (await api.GetJsonAsync("/api/v1/integrations")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_an_admin_may_change_or_test_integrations()
    {
        using var admin = fixture.Host.Api();
        var (_, viewerKey) = await admin.CreateApiKeyAsync($"viewer-{Guid.NewGuid():N}", "viewer");
        var id = await LoaderTests.CreateAsync(admin, "test.json-new", "json-new", "admin only");
        using var viewer = fixture.Host.CreateClient(viewerKey);

        using var list = await viewer.GetAsync("/api/v1/integrations");
        using var test = await viewer.PostAsync($"/api/v1/integrations/{id}/test", null);
        using var delete = await viewer.DeleteAsync($"/api/v1/integrations/{id}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, test.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    private async Task<string> DatabaseTextAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(fixture.Host.DataDirectory, "*.db*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.Length > 0 ? text.ToString() : throw new InvalidOperationException("no database file found");
    }
}
