using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Json;
using Vigil.Testing;
using Vigil.Testing.Fixtures;
using static Vigil.Agent.Tests.ScanConsoleFixture;

namespace Vigil.Agent.Tests;

/// <summary>
/// The shipped "Scan new nodes before deployment" template end to end: real agents register, the flow scans each one
/// through the console, judges the scan with the admin's policy and removes the vulnerable node or approves the clean one.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PreDeploymentTemplateTests(ScanConsoleFixture console) : IClassFixture<ScanConsoleFixture>
{
    private const string Template = "scan-new-nodes-before-deployment";

    private DashboardHost Host => console.Host;

    [Fact]
    public async Task The_template_removes_a_vulnerable_node_and_labels_a_clean_one_approved()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        using var api = Host.Api();
        // The admin's policy: the shared npm feed rates lodash 4.17.15's advisory medium, so medium findings fail it.
        using (var policy = await api.Http.PutAsJsonAsync("/api/v1/policies/default", new { maxCount = new { critical = 0, high = 0, medium = 0 } }, VigilJson.Options))
        {
            Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync());
        }

        await api.PostJsonAsync($"/api/v1/workflows/{Template}/enable", new { });

        using var vulnerableState = new TempDirectory("vigil-agent-state");
        using var cleanState = new TempDirectory("vigil-agent-state");
        using var cleanRoot = new TempDirectory("vigil-clean-root");
        var vulnerableId = await EnrollAsync(Host, "web-vulnerable", vulnerableState.Path);
        var cleanId = await EnrollAsync(Host, "web-clean", cleanState.Path);
        await using var vulnerable = AgentProcess.Start("run", "--state-dir", vulnerableState.Path, "--root", Path.Combine(NpmProjectFixture.Path, "npm"));
        await using var clean = AgentProcess.Start("run", "--state-dir", cleanState.Path, "--root", cleanRoot.Path);

        var removed = await api.WaitForJsonAsync($"/api/v1/nodes/{vulnerableId}", n => n.GetProperty("status").GetString() == "removed", Patience);
        var approved = await api.WaitForJsonAsync($"/api/v1/nodes/{cleanId}",
            n => n.GetProperty("labels").TryGetProperty("vigil/approved", out _), Patience);

        Assert.True(removed.GetProperty("status").GetString() == "removed", $"{removed}\n{vulnerable.Output}");
        Assert.Equal(3, await vulnerable.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        Assert.True(approved.GetProperty("labels").TryGetProperty("vigil/approved", out var label), $"{approved}\n{clean.Output}");
        Assert.Equal("true", label.GetString());
        Assert.Equal("online", approved.GetProperty("status").GetString());

        var instances = await api.GetJsonAsync($"/api/v1/workflow-instances?definitionId={Template}");
        Assert.Equal(2, instances.GetProperty("total").GetInt32());
        var journals = new Dictionary<string, JsonElement[]>();
        foreach (var instance in instances.GetProperty("items").EnumerateArray())
        {
            var details = await api.WaitForJsonAsync($"/api/v1/workflow-instances/{instance.GetProperty("id").GetString()}",
                d => d.GetProperty("instance").GetProperty("status").GetString() == "finished", Patience);
            Assert.Equal("finished", details.GetProperty("instance").GetProperty("status").GetString());
            var journal = details.GetProperty("journal").EnumerateArray().ToArray();
            journals[journal.Any(j => j.GetProperty("activityId").GetString() == "remove") ? "removed" : "approved"] = journal;
        }

        Assert.Equal(["registered", "scan", "wait", "policy", "remove", "notify"], journals["removed"].Select(j => j.GetProperty("activityId").GetString()).Distinct());
        var failed = journals["removed"].Last(j => j.GetProperty("activityId").GetString() == "policy");
        Assert.Equal("Fail", failed.GetProperty("outcomes").GetString());
        Assert.Contains("medium finding(s), more than the 0 allowed", failed.GetProperty("outputsJson").GetString());
        Assert.Equal("Pass", journals["approved"].Last(j => j.GetProperty("activityId").GetString() == "policy").GetProperty("outcomes").GetString());

        var timeline = await api.WaitForJsonAsync($"/api/v1/nodes/{vulnerableId}/timeline",
            t => t.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "NotificationRecorded"));
        var types = timeline.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("ScanCompleted", types);
        Assert.Contains("NodeRemoved", types);
        Assert.Contains("NotificationRecorded", types);
    }
}
