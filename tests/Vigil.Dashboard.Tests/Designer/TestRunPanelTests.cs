using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Core.Json;
using Vigil.Dashboard.Components.Designer;
using Vigil.Dashboard.Designer;
using Vigil.Dashboard.Tests.Components;
using Vigil.Dashboard.Workflows;
using Vigil.Workflows;
using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>The Test tab pre-fills its input from the flow's trigger: the very payload the engine would receive.</summary>
public sealed class TestRunPanelTests : ComponentTest
{
    public TestRunPanelTests() => Services.AddVigilWorkflows();

    [Theory]
    [InlineData("Vigil.NodeRegistered", typeof(NodeRegistered))]
    [InlineData("Vigil.ScanCompleted", typeof(ScanCompleted))]
    [InlineData("Vigil.ScanFailed", typeof(ScanFailed))]
    [InlineData("Vigil.FeedUpdated", typeof(FeedUpdated))]
    [InlineData("Vigil.FindingsChanged", typeof(FindingsChanged))]
    public void An_event_trigger_gets_its_event_record_as_sample_input(string trigger, Type eventType)
    {
        var sample = SampleOf(Render(Flow(new ActivityNode("start", trigger))));

        Assert.Equal(eventType.Name, sample.GetProperty("type").GetString());
        // It reads back as the event record, and that record serializes (as the event adapter does) to the same JSON.
        var domainEvent = (DomainEvent)sample.Deserialize(eventType, VigilJson.Options)!;
        Assert.True(JsonElement.DeepEquals(sample, TriggerPayloads.Event(domainEvent)), $"{eventType.Name} does not round-trip");
        if (sample.TryGetProperty("nodeId", out var nodeId))
        {
            Assert.False(string.IsNullOrEmpty(nodeId.GetString()));
        }
    }

    [Fact]
    public void A_node_registered_sample_carries_the_labels_the_trigger_filters_on()
    {
        var trigger = new ActivityNode("start", "Vigil.NodeRegistered", new Dictionary<string, ActivityInput> { ["labels"] = ActivityInput.Literal(new { role = "web" }) });

        var sample = SampleOf(Render(Flow(trigger)));

        Assert.Equal("web", sample.GetProperty("labels").GetProperty("role").GetString());
        Assert.Equal("host", sample.GetProperty("nodeType").GetString());
        Assert.Equal(JsonValueKind.Object, sample.GetProperty("facts").ValueKind);
    }

    [Fact]
    public void Schedule_and_webhook_samples_name_this_flow_and_its_trigger()
    {
        var cron = SampleOf(Render(Flow(new ActivityNode("nightly", "Vigil.Cron", new Dictionary<string, ActivityInput> { ["cron"] = ActivityInput.Literal("0 2 * * *") }))));
        Assert.Equal("Cron", cron.GetProperty("type").GetString());
        Assert.Equal("sample-flow", cron.GetProperty("definitionId").GetString());
        Assert.Equal("nightly", cron.GetProperty("activityId").GetString());
        Assert.True(cron.GetProperty("firedAt").TryGetDateTimeOffset(out _));

        var hook = SampleOf(Render(Flow(new ActivityNode("hook", "Vigil.HttpEndpoint", new Dictionary<string, ActivityInput> { ["path"] = ActivityInput.Literal("/deploy-finished") }))));
        Assert.Equal("deploy-finished", hook.GetProperty("path").GetString());
        Assert.Equal("POST", hook.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Object, hook.GetProperty("body").ValueKind);
    }

    [Fact]
    public void A_manual_flow_is_started_with_its_variables_and_the_sample_runs()
    {
        var flow = Flow(new ActivityNode("start", "Vigil.Manual")) with
        {
            Variables = [new VariableDefinition("target", "string", JsonSerializer.SerializeToElement("web-01")), new VariableDefinition("attempts", "number")],
        };
        var panel = Render(flow);

        var sample = SampleOf(panel);
        Assert.Equal("web-01", sample.GetProperty("target").GetString());
        Assert.Equal(0, sample.GetProperty("attempts").GetInt32());

        panel.Find("#test-run-button").Click();
        panel.WaitForAssertion(() => Assert.Contains("finished", panel.Find("#test-run .mud-chip").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_edit_that_is_not_a_json_object_shows_an_error_runs_nothing_and_the_sample_comes_back_on_request()
    {
        var panel = Render(Flow(new ActivityNode("start", "Vigil.Manual")));

        Type(panel, "{ \"target\": ");
        Assert.Contains("not JSON", panel.Find("#test-run .vigil-input-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("{ \"target\": ", panel.FindComponent<CodeEditor>().Instance.Text); // the text stays to be fixed
        panel.Find("#test-run-button").Click();
        Assert.Empty(panel.FindAll("#test-run .mud-chip"));

        Type(panel, "[1, 2]");
        Assert.Contains("must be a JSON object", panel.Find("#test-run .vigil-input-error").TextContent, StringComparison.Ordinal);

        panel.Find("#test-sample").Click();
        Assert.Empty(panel.FindAll("#test-run .vigil-input-error"));
        Assert.Equal(JsonValueKind.Object, SampleOf(panel).ValueKind);
    }

    private static WorkflowDefinition Flow(ActivityNode trigger) => new()
    {
        Id = "sample-flow",
        Name = "Sample flow",
        Activities = [trigger, new ActivityNode("log", "Vigil.Log", new Dictionary<string, ActivityInput> { ["message"] = ActivityInput.Js("JSON.stringify(input)") })],
        Connections = [new Connection(trigger.Id, "Done", "log")],
    };

    private IRenderedComponent<TestRunPanel> Render(WorkflowDefinition definition) =>
        Render<TestRunPanel>(p => p
            .Add(x => x.Definition, definition)
            .Add(x => x.Runner, Services.GetRequiredService<WorkflowTestRunner>()));

    private static JsonElement SampleOf(IRenderedComponent<TestRunPanel> panel)
    {
        var editor = panel.FindComponent<CodeEditor>();
        Assert.Equal(CodeLanguage.Json, editor.Instance.Options.Language);
        using var document = JsonDocument.Parse(editor.Instance.Text);
        return document.RootElement.Clone();
    }

    /// <summary>An edit as the browser's editor reports it.</summary>
    private static void Type(IRenderedComponent<TestRunPanel> panel, string text)
    {
        var editor = panel.FindComponent<CodeEditor>();
        editor.InvokeAsync(() => editor.Instance.OnCodeChanged(text, null)).GetAwaiter().GetResult();
    }
}
