using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests;

public sealed class ApiTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    [Fact]
    public async Task Me_returns_the_callers_identity_and_role()
    {
        using var api = Host.Api();

        var me = await api.GetJsonAsync("/api/v1/me");

        Assert.Equal("key:bootstrap", me.GetProperty("name").GetString());
        Assert.Equal("Admin", me.GetProperty("role").GetString());
        Assert.Equal("apikey", me.GetProperty("authentication").GetString());
    }

    [Fact]
    public async Task Revoked_key_gets_401_at_once()
    {
        using var admin = Host.Api();
        var (id, key) = await admin.CreateApiKeyAsync("revoke-me", "operator");
        using var client = Host.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        using var revoke = await admin.Http.DeleteAsync($"/api/v1/api-keys/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var after = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("invalid_token", after.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Expired_key_gets_401()
    {
        using var admin = Host.Api();
        var (id, key) = await admin.CreateApiKeyAsync("expires", "viewer", DateTimeOffset.UtcNow.AddDays(1));
        await using (var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE api_keys SET expires_at = @past WHERE id = @id", new { past = DateTimeOffset.UtcNow.AddSeconds(-1), id });
        }

        using var client = Host.CreateClient(key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Key_list_never_contains_secrets()
    {
        using var admin = Host.Api();
        var (_, key) = await admin.CreateApiKeyAsync("listed", "viewer");

        var body = await admin.Http.GetStringAsync("/api/v1/api-keys");

        Assert.Contains("\"listed\"", body);
        Assert.DoesNotContain(key, body);
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_with_a_useful_detail()
    {
        using var admin = Host.Api();
        using var content = new StringContent("{\"name\": \"x\", \"role\": ", Encoding.UTF8, "application/json");

        using var response = await admin.Http.PostAsync("/api/v1/api-keys", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invalid_key_request_gets_validation_problem_naming_the_field()
    {
        using var admin = Host.Api();

        using var response = await admin.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "bad", role = "superuser" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Unknown role 'superuser'", problem.GetProperty("errors").GetProperty("role")[0].GetString());
    }

    [Fact]
    public async Task Users_can_be_created_and_the_last_admin_cannot_be_demoted()
    {
        using var admin = Host.Api();
        var created = await admin.PostJsonAsync("/api/v1/users", new { email = "ops@vigil.test", password = "Operator-Pass-77", role = "operator" });
        Assert.Equal("Operator", created.GetProperty("role").GetString());

        var users = await admin.GetJsonAsync("/api/v1/users");
        var adminId = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == DashboardHost.AdminEmail).GetProperty("id").GetString();
        using var demote = await admin.Http.PutAsJsonAsync($"/api/v1/users/{adminId}/role", new { role = "viewer" });

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("last active Admin", await demote.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Weak_password_is_refused_with_the_rule_it_breaks()
    {
        using var admin = Host.Api();

        using var response = await admin.Http.PostAsJsonAsync("/api/v1/users", new { email = "weak@vigil.test", password = "alllowercase", role = "viewer" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("uppercase", body);
        Assert.Contains("digit", body);
    }

    [Fact]
    public async Task Probes_answer_anonymously_and_health_reports_the_schema()
    {
        using var anonymous = Host.CreateClient();
        Assert.Equal("ok", await anonymous.GetStringAsync("/healthz"));
        Assert.Equal("ready", await anonymous.GetStringAsync("/readyz"));

        using var admin = Host.Api();
        var health = await admin.GetJsonAsync("/api/v1/health");
        Assert.Equal("Sqlite", health.GetProperty("databaseProvider").GetString());
        Assert.Equal(health.GetProperty("expectedSchemaVersion").GetInt32(), health.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(Host.DataDirectory, health.GetProperty("dataDirectory").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api_and_its_bearer_scheme()
    {
        using var admin = Host.Api();

        var document = await admin.GetJsonAsync("/openapi/v1.json");

        Assert.Equal("Vigil API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/api-keys", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var anonymous = Host.CreateClient();

        using var response = await anonymous.GetAsync("/login");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
