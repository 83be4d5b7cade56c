using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Json;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Agent.Tests;

/// <summary>The console side of enrollment and the node list, through the HTTP API.</summary>
public sealed class EnrollmentApiTests(AgentConsoleFixture console) : IClassFixture<AgentConsoleFixture>
{
    [Fact]
    public async Task Create_answers_the_token_once_and_stores_only_its_hash()
    {
        using var api = console.Host.Api();
        var created = await api.PostJsonAsync("/api/v1/enrollment-tokens", new { description = "rack 4", maxUses = 3 });
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("vge_", token, StringComparison.Ordinal);
        Assert.True(created.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(50));

        var listed = (await api.GetJsonAsync("/api/v1/enrollment-tokens")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.Equal(3, listed.GetProperty("maxUses").GetInt32());
        Assert.Equal(0, listed.GetProperty("uses").GetInt32());
        Assert.DoesNotContain(token, listed.GetRawText(), StringComparison.Ordinal);

        await using var connection = await console.Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var rowsWithSecret = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM enrollment_tokens WHERE token_hash = @token OR labels LIKE @pattern OR description LIKE @pattern",
            new { token, pattern = $"%{token}%" });
        Assert.Equal(0, rowsWithSecret);
    }

    [Fact]
    public async Task Expired_revoked_and_unknown_tokens_are_refused_with_401_problem_details_saying_why()
    {
        using var api = console.Host.Api();
        var shortLived = await api.PostJsonAsync("/api/v1/enrollment-tokens", new { expiresAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        var revoked = await api.PostJsonAsync("/api/v1/enrollment-tokens", new { });
        using (var revoke = await api.Http.DeleteAsync($"/api/v1/enrollment-tokens/{revoked.GetProperty("id").GetString()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await AssertRefusedAsync(shortLived.GetProperty("token").GetString()!, "expired");
        await AssertRefusedAsync(revoked.GetProperty("token").GetString()!, "revoked");
        await AssertRefusedAsync("vge_not-a-token-anyone-issued", "not valid");
    }

    [Fact]
    public async Task Multi_use_token_enrolls_up_to_its_limit_and_bad_names_or_labels_are_400()
    {
        var token = await console.CreateTokenAsync(new { maxUses = 2 });
        using (var badLabel = await console.EnrollAsync(token, "db-1", new Dictionary<string, string> { ["bad key!"] = "x" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badLabel.StatusCode);
        }

        using (var noName = await console.EnrollAsync(token, "  "))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        }

        using var first = await console.EnrollAsync(token, "db-1");
        using var second = await console.EnrollAsync(token, "db-2");
        using var third = await console.EnrollAsync(token, "db-3");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        var one = await first.Content.ReadFromJsonAsync<JsonElement>(VigilJson.Options);
        var two = await second.Content.ReadFromJsonAsync<JsonElement>(VigilJson.Options);
        Assert.NotEqual(one.GetProperty("nodeId").GetString(), two.GetProperty("nodeId").GetString());
        Assert.NotEqual(one.GetProperty("credential").GetString(), two.GetProperty("credential").GetString());
    }

    [Fact]
    public async Task Nodes_filter_by_label_status_type_and_search_with_paging()
    {
        var marker = "f" + Guid.NewGuid().ToString("N")[..8];
        var token = await console.CreateTokenAsync(new { maxUses = 3, labels = new Dictionary<string, string> { ["batch"] = marker } });
        foreach (var name in new[] { $"{marker}-alpha", $"{marker}-beta", $"{marker}-gamma" })
        {
            using var enrolled = await console.EnrollAsync(token, name, new Dictionary<string, string> { ["tier"] = name.EndsWith("gamma", StringComparison.Ordinal) ? "db" : "web" });
            Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        }

        using var api = console.Host.Api();
        var byLabel = await api.GetJsonAsync($"/api/v1/nodes?label=batch={marker}&take=2");
        Assert.Equal(3, byLabel.GetProperty("total").GetInt32());
        Assert.Equal([$"{marker}-alpha", $"{marker}-beta"], byLabel.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("name").GetString()!));
        var secondPage = await api.GetJsonAsync($"/api/v1/nodes?label=batch={marker}&skip=2&take=2");
        Assert.Equal($"{marker}-gamma", secondPage.GetProperty("items").EnumerateArray().Single().GetProperty("name").GetString());

        Assert.Equal(1, (await api.GetJsonAsync($"/api/v1/nodes?label=batch={marker}&search=-ALPHA")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await api.GetJsonAsync($"/api/v1/nodes?search={marker.ToUpperInvariant()}-BE")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await api.GetJsonAsync($"/api/v1/nodes?label=batch={marker}&status=offline&type=host")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await api.GetJsonAsync($"/api/v1/nodes?label=batch={marker}&status=online")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await api.GetJsonAsync($"/api/v1/nodes?label=batch={marker}&type=image")).GetProperty("total").GetInt32());
        var databases = await api.GetJsonAsync($"/api/v1/nodes?label=tier=db&search={marker}");
        Assert.Equal($"{marker}-gamma", databases.GetProperty("items").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal(3, (await api.GetJsonAsync($"/api/v1/nodes?label=batch&search={marker}")).GetProperty("total").GetInt32());

        using var badStatus = await api.Http.GetAsync("/api/v1/nodes?status=sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        using var missing = await api.Http.GetAsync("/api/v1/nodes/00000000000000000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Agent_credentials_and_user_keys_open_only_their_own_doors()
    {
        var token = await console.CreateTokenAsync();
        using var enrolled = await console.EnrollAsync(token, "doors");
        var credential = (await enrolled.Content.ReadFromJsonAsync<JsonElement>(VigilJson.Options)).GetProperty("credential").GetString()!;

        using var agentOnApi = console.Host.CreateClient(credential);
        using var apiAnswer = await agentOnApi.GetAsync("/api/v1/nodes");
        Assert.Equal(HttpStatusCode.Unauthorized, apiAnswer.StatusCode);

        await using var adminOnAgentHub = new HubConnectionBuilder()
            .WithUrl(new Uri(console.Host.BaseAddress, "/hubs/agent"), o => o.AccessTokenProvider = () => Task.FromResult(console.Host.AdminApiKey))
            .Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => adminOnAgentHub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var agentOnUiHub = new HubConnectionBuilder()
            .WithUrl(new Uri(console.Host.BaseAddress, "/hubs/ui"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(credential))
            .Build();
        var refusedUi = await Assert.ThrowsAsync<HttpRequestException>(() => agentOnUiHub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refusedUi.StatusCode);
    }

    private async Task AssertRefusedAsync(string token, string reason)
    {
        using var response = await console.EnrollAsync(token, "refused-node");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(VigilJson.Options);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
