using Bunit;
using Microsoft.AspNetCore.Components;
using Vigil.Dashboard.Components.Designer;
using Vigil.Dashboard.Designer;
using Vigil.Dashboard.Tests.Components;
using Vigil.Workflows.Model;
using Vigil.Workflows.Validation;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>The properties panel renders an editor per declared input and reports literal and expression edits.</summary>
public sealed class ActivityPropertiesTests : ComponentTest
{
    private static readonly Vigil.Workflows.Descriptors.ActivityRegistry Registry = DesignerTestRegistry.Create();
    private readonly List<InputEdit> _edits = [];

    [Fact]
    public void Every_declared_input_gets_an_editor_and_engine_problems_show_beside_it()
    {
        var panel = Render(new ActivityNode("log", "Vigil.Log"), [new ValidationError("missing-input", "Activity 'log' needs input 'message'.", "log", "message")]);

        Assert.Equal(["message", "level"], panel.FindAll("[data-input]").Select(e => e.GetAttribute("data-input")));
        Assert.Contains("needs input 'message'", panel.Find("[data-input='message'] .vigil-input-error").TextContent);
        Assert.Contains("activities.log.outputs", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_and_then_an_expression_are_reported_as_edits()
    {
        var panel = Render(new ActivityNode("wait", "Vigil.WaitForScan"));

        panel.Find("#input-wait-scanId").Change("scan-1");
        Apply(panel); // as the page does: the panel is rendered again with the edited activity
        panel.Find("[data-input='scanId'] .vigil-mode-toggle").Click();
        Apply(panel);
        // The CodeMirror field reports its text from the browser through the component's [JSInvokable] callback.
        Type(panel, "activities.scan.outputs.scanId", syntaxError: null);

        Assert.Equal(InputKind.Literal, _edits[0].Value!.Kind);
        Assert.Equal("scan-1", _edits[0].Value!.Value.GetString());
        Assert.Equal(InputKind.Js, _edits[1].Value!.Kind); // the toggle carries the literal across as an expression
        Assert.Equal("\"scan-1\"", _edits[1].Value!.Expression);
        Assert.Equal(new InputEdit("wait", "scanId", ActivityInput.Js("activities.scan.outputs.scanId")).Value!.Expression, _edits[^1].Value!.Expression);
        Assert.Equal("wait", _edits[^1].ActivityId);
    }

    [Fact]
    public void An_expression_field_is_a_code_editor_created_through_the_interop_with_the_current_text()
    {
        var panel = Render(new ActivityNode("wait", "Vigil.WaitForScan", new Dictionary<string, ActivityInput> { ["scanId"] = ActivityInput.Js("input.scanId") }));

        Assert.Empty(panel.FindAll("textarea#input-wait-scanId"));
        var create = Assert.Single(JSInterop.Invocations, i => i.Identifier == "createCodeEditor");
        Assert.Equal("input.scanId", create.Arguments[3]);
        var options = Assert.IsType<CodeEditorOptions>(create.Arguments[4]);
        Assert.Equal("input-wait-scanId", options.Id);
        Assert.Contains("JavaScript", options.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expression_with_a_syntax_error_is_kept_and_the_error_shows_until_it_is_fixed()
    {
        var panel = Render(new ActivityNode("wait", "Vigil.WaitForScan", new Dictionary<string, ActivityInput> { ["scanId"] = ActivityInput.Js("input.scanId") }));

        Type(panel, "activities.scan.outputs.(", "Syntax error at line 1, column 26");

        Assert.Equal("activities.scan.outputs.(", Assert.Single(_edits).Value!.Expression); // nothing typed is lost
        Assert.Contains("Syntax error at line 1, column 26", panel.Find("[data-input='scanId'] .vigil-input-error").TextContent);

        Apply(panel);
        Type(panel, "activities.scan.outputs.scanId", syntaxError: null);
        Assert.Empty(panel.FindAll("[data-input='scanId'] .vigil-input-error"));
        Assert.Equal("activities.scan.outputs.scanId", _edits[^1].Value!.Expression);
    }

    [Fact]
    public void Text_that_is_not_json_stays_in_the_field_with_an_error_and_is_not_applied()
    {
        var panel = Render(new ActivityNode("reg", "Vigil.NodeRegistered"));

        Assert.Equal(CodeLanguage.Json, Editor(panel, "input-reg-labels").Instance.Options.Language);
        Type(panel, "{ env: prod", "Syntax error at line 1, column 3", "input-reg-labels");

        Assert.Empty(_edits);
        Assert.Contains("Not valid JSON", panel.Find("[data-input='labels'] .vigil-input-error").TextContent);

        Type(panel, """{ "env": "prod" }""", null, "input-reg-labels");
        Assert.Equal("prod", Assert.Single(_edits).Value!.Value.GetProperty("env").GetString());
    }

    [Fact]
    public void Clearing_a_field_unsets_the_input()
    {
        var panel = Render(new ActivityNode("log", "Vigil.Log", new Dictionary<string, ActivityInput> { ["message"] = ActivityInput.Literal("hi") }));

        Assert.Equal("hi", panel.Find("#input-log-message").GetAttribute("value"));
        panel.Find("#input-log-message").Change("");

        Assert.Null(Assert.Single(_edits).Value);
    }

    [Fact]
    public void Notification_channels_are_picked_from_the_configured_integrations()
    {
        var pickers = DesignerPickers.Empty with { NotificationChannels = ["ops-mail", "sec-slack"] };
        var panel = Render(new ActivityNode("notify", "Vigil.Notify"), pickers: pickers);

        var boxes = panel.FindAll("#input-notify-channels input[type=checkbox]");
        Assert.Equal(["ops-mail", "sec-slack"], boxes.Select(b => b.GetAttribute("value")));
        panel.Find("#input-notify-channels input[value='sec-slack']").Change(true);
        Apply(panel);
        panel.Find("#input-notify-channels input[value='ops-mail']").Change(true);
        Apply(panel);
        panel.Find("#input-notify-channels input[value='sec-slack']").Change(false);

        Assert.Equal(["sec-slack"], _edits[0].Value!.Value.EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["ops-mail", "sec-slack"], _edits[1].Value!.Value.EnumerateArray().Select(v => v.GetString())); // in the configured order
        Assert.Equal(["ops-mail"], _edits[2].Value!.Value.EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("channels", _edits[2].Input);
    }

    [Fact]
    public void Without_configured_channels_the_channel_list_is_typed_as_json()
    {
        var panel = Render(new ActivityNode("notify", "Vigil.Notify"));

        Assert.Empty(panel.FindAll("#input-notify-channels input[type=checkbox]"));
        Assert.Contains("no notification channels are configured", Editor(panel, "input-notify-channels").Instance.Options.Placeholder, StringComparison.Ordinal);
    }

    /// <summary>Types into a code editor as the browser reports it: the only one, or the one of <paramref name="fieldId"/>.</summary>
    private static void Type(IRenderedComponent<ActivityProperties> panel, string text, string? syntaxError, string? fieldId = null)
    {
        var editor = Editor(panel, fieldId);
        editor.InvokeAsync(() => editor.Instance.OnCodeChanged(text, syntaxError)).GetAwaiter().GetResult();
    }

    private static IRenderedComponent<CodeEditor> Editor(IRenderedComponent<ActivityProperties> panel, string? fieldId = null) =>
        Assert.Single(panel.FindComponents<CodeEditor>(), e => fieldId is null || e.Instance.Options.Id == fieldId);

    private void Apply(IRenderedComponent<ActivityProperties> panel)
    {
        var activity = panel.Instance.Activity;
        var inputs = new Dictionary<string, ActivityInput>(activity.InputsOrEmpty);
        var last = _edits[^1];
        if (last.Value is null)
        {
            inputs.Remove(last.Input);
        }
        else
        {
            inputs[last.Input] = last.Value;
        }

        panel.Render(p => p.Add(x => x.Activity, activity with { Inputs = inputs }));
    }

    private IRenderedComponent<ActivityProperties> Render(ActivityNode activity, IReadOnlyList<ValidationError>? problems = null, DesignerPickers? pickers = null) =>
        Render<ActivityProperties>(p => p
            .Add(x => x.Activity, activity)
            .Add(x => x.Pickers, pickers ?? DesignerPickers.Empty)
            .Add(x => x.Descriptor, Registry.Find(activity.Type))
            .Add(x => x.Problems, problems ?? [])
            .Add(x => x.OnInputChanged, EventCallback.Factory.Create<InputEdit>(this, _edits.Add)));
}
