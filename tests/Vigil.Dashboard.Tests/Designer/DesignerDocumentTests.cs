using System.Text.Json;
using Vigil.Dashboard.Designer;
using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Tests.Designer;

public sealed class DesignerDocumentTests
{
    private static readonly Vigil.Workflows.Descriptors.ActivityRegistry Registry = DesignerTestRegistry.Create();

    [Fact]
    public void Canvas_changes_build_the_definition_the_engine_runs()
    {
        var document = new DesignerDocument(new WorkflowDefinition { Id = "f", Name = "F" }, Registry);
        document.Apply(new CanvasChange(CanvasChange.Added, "start", "Vigil.Manual", 10, 20));
        document.Apply(new CanvasChange(CanvasChange.Added, "log", "Vigil.Log", 300, 20, Inputs: Json("""{"message":{"kind":"literal","value":"hi"}}""")));
        document.Apply(new CanvasChange(CanvasChange.Connected, Source: "start", Outcome: "Done", Target: "log"));
        document.Apply(new CanvasChange(CanvasChange.Connected, Source: "start", Outcome: "Done", Target: "log"));
        document.Apply(new CanvasChange(CanvasChange.Moved, "log", X: 320.4, Y: 60));

        var definition = document.Definition;
        Assert.Equal(["start", "log"], definition.Activities.Select(a => a.Id));
        Assert.Equal([new Connection("start", "Done", "log")], definition.Connections);
        Assert.Equal("hi", definition.Activities[1].Inputs!["message"].Value.GetString());
        Assert.Equal((320, 60), document.PositionOf(definition.Activities[1]));
        Assert.Equal(5, document.UnsavedEdits);

        document.Apply(new CanvasChange(CanvasChange.Removed, "log"));
        Assert.Equal(["start"], document.Definition.Activities.Select(a => a.Id));
        Assert.Empty(document.Definition.Connections);
    }

    [Fact]
    public void Moving_keeps_other_designer_data_and_disconnecting_removes_only_that_connection()
    {
        var definition = WorkflowDefinition.Parse("""
            {"id":"f","activities":[
              {"id":"a","type":"Vigil.Manual","designer":{"x":1,"y":2,"collapsed":true}},
              {"id":"b","type":"Vigil.Log"},{"id":"c","type":"Vigil.Log"}],
             "connections":[{"source":"a","sourceOutcome":"Done","target":"b"},{"source":"a","sourceOutcome":"Done","target":"c"}]}
            """);
        var document = new DesignerDocument(definition, Registry);

        document.Apply(new CanvasChange(CanvasChange.Moved, "a", X: 50, Y: 70));
        document.Apply(new CanvasChange(CanvasChange.Disconnected, Source: "a", Outcome: "Done", Target: "b"));

        var bag = document.Definition.Activities[0].Designer!.Value;
        Assert.Equal(50, bag.GetProperty("x").GetDouble());
        Assert.True(bag.GetProperty("collapsed").GetBoolean());
        Assert.Equal([new Connection("a", "Done", "c")], document.Definition.Connections);
    }

    [Fact]
    public void Switch_cases_are_outcomes_and_a_removed_case_drops_its_connection()
    {
        var definition = WorkflowDefinition.Parse("""
            {"id":"f","activities":[{"id":"s","type":"Vigil.Switch"},{"id":"x","type":"Vigil.Log"}],
             "connections":[{"source":"s","sourceOutcome":"big","target":"x"}]}
            """);
        var document = new DesignerDocument(definition, Registry);

        document.SetInput("s", "cases", ActivityInput.Literal(new[] { "big", "small" }));
        Assert.Equal(["Default", "big", "small"], document.OutcomesOf(document.Find("s")!).Order());

        document.SetInput("s", "cases", ActivityInput.Literal(new[] { "small" }));
        document.KeepOutcomes("s", [.. document.OutcomesOf(document.Find("s")!)]);
        Assert.Empty(document.Definition.Connections);
    }

    [Fact]
    public void A_version_diff_names_what_changed()
    {
        var before = WorkflowDefinition.Parse("""
            {"id":"f","name":"One","activities":[{"id":"a","type":"Vigil.Manual"},{"id":"b","type":"Vigil.Log","inputs":{"message":{"kind":"literal","value":"x"}}}],
             "connections":[{"source":"a","sourceOutcome":"Done","target":"b"}]}
            """);
        var after = before with
        {
            Name = "Two",
            Activities = [before.Activities[0], before.Activities[1] with { Inputs = new Dictionary<string, ActivityInput> { ["message"] = ActivityInput.Js("input.who") } }, new ActivityNode("c", "Vigil.Log")],
            Connections = [new Connection("a", "Done", "c")],
        };

        var lines = DefinitionDiff.Compare(before, after).Select(l => $"{l.Change} {l.Text}").ToArray();

        Assert.Equal(
            ["~ name: \"One\" → \"Two\"", "+ activity c (Vigil.Log)", "~ b.message: \"x\" → js `input.who`", "+ a —Done→ c", "- a —Done→ b"],
            lines);
    }

    [Fact]
    public void A_run_path_has_each_activity_latest_status_and_the_connections_taken()
    {
        var definition = WorkflowDefinition.Parse("""
            {"id":"f","activities":[{"id":"a","type":"Vigil.Manual"},{"id":"ask","type":"Vigil.Approval"},{"id":"yes","type":"Vigil.Log"},{"id":"no","type":"Vigil.Log"}],
             "connections":[{"source":"a","sourceOutcome":"Done","target":"ask"},{"source":"ask","sourceOutcome":"Approved","target":"yes"},{"source":"ask","sourceOutcome":"Rejected","target":"no"}]}
            """);
        var now = DateTimeOffset.UtcNow;
        JournalEntry Entry(int sequence, string id, string status, string? outcomes) =>
            new("i", sequence, id, "t", status, outcomes, null, null, null, false, now, now);

        var waiting = RunPath.From(definition, [Entry(1, "a", "completed", "Done"), Entry(2, "ask", "suspended", null)]);
        Assert.Equal("suspended", waiting.Statuses["ask"]);
        Assert.Equal([new CanvasConnection("a", "Done", "ask")], waiting.Taken);

        var done = RunPath.From(definition, [Entry(1, "a", "completed", "Done"), Entry(2, "ask", "suspended", null), Entry(3, "ask", "completed", "Approved"), Entry(4, "yes", "completed", "Done")]);
        Assert.Equal("completed", done.Statuses["ask"]);
        Assert.False(done.Statuses.ContainsKey("no"));
        Assert.Equal([new CanvasConnection("a", "Done", "ask"), new CanvasConnection("ask", "Approved", "yes")], done.Taken);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
