using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Json;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Workflows;

public sealed class WorkflowApiTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    [Fact]
    public async Task Shipped_templates_are_installed_published_and_disabled()
    {
        using var api = Host.Api();

        var list = await api.GetJsonAsync("/api/v1/workflows");

        var templates = list.GetProperty("items").EnumerateArray()
            .Where(d => d.GetProperty("id").GetString() is "scan-new-nodes-before-deployment" or "alert-on-new-critical-findings")
            .ToArray();
        Assert.Equal(2, templates.Length);
        Assert.All(templates, t =>
        {
            Assert.False(t.GetProperty("isEnabled").GetBoolean());
            Assert.Equal(1, t.GetProperty("publishedVersion").GetInt32());
        });
    }

    [Fact]
    public async Task Publish_enable_and_a_manual_start_runs_with_a_readable_journal()
    {
        using var api = Host.Api();
        var saved = await PutAsync(api, "hello", WorkflowJsonSamples.ManualLog("hello"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Drafts do not start: publishing and enabling are both required.
        using (var early = await api.Http.PostAsJsonAsync("/api/v1/workflows/hello/start", new { input = new { who = "x" } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        var published = await api.PostJsonAsync("/api/v1/workflows/hello/publish", new { });
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        await api.PostJsonAsync("/api/v1/workflows/hello/disable", new { });
        using (var disabled = await api.Http.PostAsJsonAsync("/api/v1/workflows/hello/start", new { input = new { who = "x" } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, disabled.StatusCode);
        }

        await api.PostJsonAsync("/api/v1/workflows/hello/enable", new { });
        var started = await api.PostJsonAsync("/api/v1/workflows/hello/start", new { input = new { who = "world" } });
        Assert.Equal("finished", started.GetProperty("status").GetString());

        var instance = await api.GetJsonAsync($"/api/v1/workflow-instances/{started.GetProperty("instanceId").GetString()}");
        var journal = instance.GetProperty("journal").EnumerateArray().ToArray();
        Assert.Equal(["start", "log"], journal.Select(j => j.GetProperty("activityId").GetString()));
        Assert.All(journal, j => Assert.Equal("completed", j.GetProperty("status").GetString()));
        Assert.Contains("hello world", journal[1].GetProperty("inputsJson").GetString());

        // The engine's changes reach the outbox, which feeds /hubs/ui and every other subscriber.
        var changes = await OutboxPayloadsAsync("WorkflowInstanceChanged");
        Assert.Contains(changes, c => c.Contains(started.GetProperty("instanceId").GetString()!) && c.Contains("\"status\":\"finished\""));

        var listed = await api.GetJsonAsync("/api/v1/workflow-instances?definitionId=hello&status=finished");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());

        var details = await api.GetJsonAsync("/api/v1/workflows/hello");
        Assert.Equal([1], details.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        Assert.True(details.GetProperty("summary").GetProperty("isEnabled").GetBoolean());
        // The designer bag travels untouched.
        Assert.Equal(2, details.GetProperty("definition").GetProperty("designer").GetProperty("zoom").GetInt32());
    }

    [Fact]
    public async Task Approving_resumes_the_instance_along_Approved()
    {
        using var api = Host.Api();
        await PutAsync(api, "gate", WorkflowJsonSamples.ManualApproval("gate"));
        await api.PostJsonAsync("/api/v1/workflows/gate/publish", new { });
        var started = await api.PostJsonAsync("/api/v1/workflows/gate/start", new { });
        var instanceId = started.GetProperty("instanceId").GetString();
        Assert.Equal("suspended", started.GetProperty("status").GetString());

        var pending = (await api.GetJsonAsync("/api/v1/approvals")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("instanceId").GetString() == instanceId);
        Assert.Equal("Deploy?", pending.GetProperty("title").GetString());
        Assert.Equal("gate", pending.GetProperty("definitionId").GetString());

        var approvalId = pending.GetProperty("id").GetString();
        Assert.Contains(await OutboxPayloadsAsync("ApprovalRequested"), p => p.Contains(approvalId!));
        // Operators decide approvals; they cannot publish or enable flows.
        var (_, operatorKey) = await api.CreateApiKeyAsync("approver", "operator");
        using var operatorApi = Host.Api(operatorKey);
        using (var approve = await operatorApi.Http.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/approve", new { comment = "ship it" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, approve.StatusCode);
        }

        var instance = await api.GetJsonAsync($"/api/v1/workflow-instances/{instanceId}");
        Assert.Equal("finished", instance.GetProperty("instance").GetProperty("status").GetString());
        var ids = instance.GetProperty("journal").EnumerateArray().Select(j => j.GetProperty("activityId").GetString()).ToArray();
        Assert.Contains("yes", ids);
        Assert.DoesNotContain("no", ids);
        var decision = instance.GetProperty("journal").EnumerateArray().Last(j => j.GetProperty("activityId").GetString() == "ask");
        Assert.Contains("key:approver", decision.GetProperty("outputsJson").GetString());
        Assert.Contains("ship it", decision.GetProperty("outputsJson").GetString());

        // Exactly once: the same decision again finds nothing to resume.
        using var again = await api.Http.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/reject", new { });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Invalid_definition_is_refused_with_every_error_and_nothing_is_saved()
    {
        using var api = Host.Api();

        using var import = await api.Http.PostAsJsonAsync("/api/v1/workflows/import", WorkflowJsonSamples.Broken("broken"), VigilJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal("application/problem+json", import.Content.Headers.ContentType?.MediaType);
        var problem = await import.Content.ReadFromJsonAsync<JsonElement>();
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToArray();
        Assert.True(codes.Length >= 3, string.Join(", ", codes));
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("activityId").GetString() == "mystery");
        using var missing = await api.Http.GetAsync("/api/v1/workflows/broken");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var validation = await api.PostJsonAsync("/api/v1/workflows/validate", WorkflowJsonSamples.Broken("broken"));
        Assert.False(validation.GetProperty("isValid").GetBoolean());
        Assert.Equal(codes.Length, validation.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Saving_an_invalid_draft_is_refused_with_every_error_and_keeps_the_previous_draft()
    {
        using var api = Host.Api();
        using var fresh = await PutAsync(api, "strict-new", WorkflowJsonSamples.Broken("strict-new"));
        Assert.Equal(HttpStatusCode.BadRequest, fresh.StatusCode);
        var problem = await fresh.Content.ReadFromJsonAsync<JsonElement>();
        var expected = (await api.PostJsonAsync("/api/v1/workflows/validate", WorkflowJsonSamples.Broken("strict-new"))).GetProperty("errors").GetArrayLength();
        Assert.Equal(expected, problem.GetProperty("errors").GetArrayLength());
        using (var missing = await api.Http.GetAsync("/api/v1/workflows/strict-new"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var valid = await PutAsync(api, "strict-kept", WorkflowJsonSamples.ManualLog("strict-kept")))
        {
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }

        using var broken = await PutAsync(api, "strict-kept", WorkflowJsonSamples.Broken("strict-kept"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var kept = await api.GetJsonAsync("/api/v1/workflows/strict-kept");
        Assert.DoesNotContain(kept.GetProperty("definition").GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetString() == "mystery");
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_refused_and_keeps_the_draft_unpublished()
    {
        using var api = Host.Api();
        var saved = await api.Http.PutAsJsonAsync("/api/v1/workflows/draft-broken/work-in-progress", WorkflowJsonSamples.Broken("draft-broken"), VigilJson.Options);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.False((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isValid").GetBoolean());

        using var publish = await api.Http.PostAsync("/api/v1/workflows/draft-broken/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var details = await api.GetJsonAsync("/api/v1/workflows/draft-broken");
        Assert.Equal(0, details.GetProperty("versions").GetArrayLength());
        Assert.True(details.GetProperty("summary").GetProperty("hasDraft").GetBoolean());
    }

    [Fact]
    public async Task Test_run_executes_the_draft_without_storing_an_instance()
    {
        using var api = Host.Api();
        await PutAsync(api, "dry", WorkflowJsonSamples.ManualLog("dry"));

        var run = await api.PostJsonAsync("/api/v1/workflows/dry/test-run", new { input = new { who = "test" } });

        Assert.Equal("finished", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("journal").GetArrayLength());
        var stored = await api.GetJsonAsync("/api/v1/workflow-instances?definitionId=dry");
        Assert.Equal(0, stored.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Schema_activities_and_export_describe_the_engine()
    {
        using var api = Host.Api();

        var activities = await api.GetJsonAsync("/api/v1/workflow-activities");
        var schema = await api.GetJsonAsync("/api/v1/workflows/schema");
        var export = await api.GetJsonAsync("/api/v1/workflows/alert-on-new-critical-findings/export");

        Assert.Contains(activities.GetProperty("items").EnumerateArray(), a => a.GetProperty("type").GetString() == "Vigil.Approval");
        Assert.Contains("Vigil.EvaluatePolicy", schema.GetRawText());
        Assert.Equal("alert-on-new-critical-findings", export.GetProperty("id").GetString());
        Assert.Equal("Vigil.FindingsChanged", export.GetProperty("activities")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Cancel_ends_a_suspended_instance_and_drops_its_approval()
    {
        using var api = Host.Api();
        await PutAsync(api, "cancel-me", WorkflowJsonSamples.ManualApproval("cancel-me"));
        await api.PostJsonAsync("/api/v1/workflows/cancel-me/publish", new { });
        var instanceId = (await api.PostJsonAsync("/api/v1/workflows/cancel-me/start", new { })).GetProperty("instanceId").GetString();

        using (var cancel = await api.Http.PostAsync($"/api/v1/workflow-instances/{instanceId}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        }

        var instance = await api.GetJsonAsync($"/api/v1/workflow-instances/{instanceId}");
        Assert.Equal("cancelled", instance.GetProperty("instance").GetProperty("status").GetString());
        var approvals = await api.GetJsonAsync("/api/v1/approvals");
        Assert.DoesNotContain(approvals.GetProperty("items").EnumerateArray(), a => a.GetProperty("instanceId").GetString() == instanceId);
        using var twice = await api.Http.PostAsync($"/api/v1/workflow-instances/{instanceId}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    private async Task<IReadOnlyList<string>> OutboxPayloadsAsync(string type)
    {
        await using var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<string>("SELECT payload FROM outbox_events WHERE type = @type", new { type })).AsList();
    }

    private static async Task<HttpResponseMessage> PutAsync(VigilApiClient api, string id, object definition) =>
        await api.Http.PutAsJsonAsync($"/api/v1/workflows/{id}", definition, VigilJson.Options);
}
