using Microsoft.Extensions.DependencyInjection;
using Vigil.Workflows.Templates;
using Vigil.Workflows.Tests.Support;
using Vigil.Workflows.Validation;

namespace Vigil.Workflows.Tests.Model;

public sealed class WorkflowTemplatesTests : EngineTestBase
{
    [Fact]
    public void Both_shipped_templates_are_valid()
    {
        var validator = Host.Services.GetRequiredService<WorkflowValidator>();
        var templates = WorkflowTemplates.All();

        Assert.Equal(["alert-on-new-critical-findings", "scan-new-nodes-before-deployment"], templates.Select(t => t.Id));
        Assert.All(templates, t => Assert.Empty(validator.Validate(t).Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task The_alert_template_notifies_only_for_critical_findings()
    {
        var notifier = new RecordingNotifier();
        await using var host = new WorkflowTestHost(Database, s => s.AddSingleton<Vigil.Workflows.Contracts.INotifier>(notifier));
        await host.Definitions.PublishAsync(WorkflowTemplates.All().Single(t => t.Id == "alert-on-new-critical-findings"));

        await host.Runtime.DispatchAsync(new Vigil.Workflows.Runtime.WorkflowEvent("FindingsChanged", "1", null,
            Json(new { nodeId = "n1", added = new[] { new { id = "CVE-2", severity = "high" } } })));
        await host.Runtime.DispatchAsync(new Vigil.Workflows.Runtime.WorkflowEvent("FindingsChanged", "2", null,
            Json(new { nodeId = "n1", added = new[] { new { id = "CVE-9", severity = "critical" }, new { id = "CVE-3", severity = "low" } } })));

        var sent = Assert.Single(notifier.Sent);
        Assert.Equal(("1 new critical finding(s)", "CVE-9", "critical:n1:CVE-9"), (sent.Title, sent.Text, sent.DedupKey));
    }
}
