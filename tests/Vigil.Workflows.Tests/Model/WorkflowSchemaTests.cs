using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Model;

public sealed class WorkflowSchemaTests : EngineTestBase
{
    private async Task<JsonSchema> SchemaAsync() =>
        await JsonSchema.FromJsonAsync(Host.Services.GetRequiredService<WorkflowSchemaGenerator>().Generate().ToJsonString());

    [Fact]
    public async Task A_valid_definition_conforms_to_the_generated_schema()
    {
        var definition = Manual()
            .Add("check", "Vigil.Decision", Js("condition", "input.count > 1"))
            .Add("call", "Vigil.HttpRequest", Lit("url", "https://example.invalid/"), Lit("method", "POST"))
            .Connect("start", "check").Connect("check", "call", "True")
            .Build();

        var errors = (await SchemaAsync()).Validate(definition.ToJson());

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind} {e}"));
    }

    [Fact]
    public void Each_activity_branch_types_its_inputs_and_forbids_unknown_ones()
    {
        var schema = Host.Services.GetRequiredService<WorkflowSchemaGenerator>().Generate();
        var http = schema["properties"]!["activities"]!["items"]!["oneOf"]!.AsArray()
            .Single(b => b!["properties"]!["type"]!["enum"]![0]!.GetValue<string>() == "Vigil.HttpRequest")!;
        var inputs = http["properties"]!["inputs"]!;

        Assert.False(inputs["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["url"], inputs["required"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(inputs["properties"]!["headers"]!["x-vigil-secret"]!.GetValue<bool>());
        Assert.Equal("[\"object\",\"null\"]", inputs["properties"]!["headers"]!["oneOf"]![0]!["properties"]!["value"]!["type"]!.ToJsonString());
        Assert.Equal(["Success", "Failure"], http["x-vigil-outcomes"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Choices_are_listed_as_enums_of_the_literal_value()
    {
        var schema = Host.Services.GetRequiredService<WorkflowSchemaGenerator>().Generate();
        var log = schema["properties"]!["activities"]!["items"]!["oneOf"]!.AsArray()
            .Single(b => b!["properties"]!["type"]!["enum"]![0]!.GetValue<string>() == "Vigil.Log")!;

        var literal = log["properties"]!["inputs"]!["properties"]!["level"]!["oneOf"]![0]!["properties"]!["value"]!;

        Assert.Equal(["debug", "information", "warning", "error"], literal["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["message"], log["properties"]!["inputs"]!["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Descriptors_carry_what_the_palette_and_properties_panel_need()
    {
        var registry = Host.Services.GetRequiredService<ActivityRegistry>();

        var http = registry.Find("Vigil.HttpRequest")!;
        Assert.Equal(("Integration", "HTTP request"), (http.Category, http.DisplayName));
        Assert.Equal(["Success", "Failure"], http.Outcomes);
        Assert.True(http.FindInput("headers")!.Secret);
        Assert.True(http.FindInput("url")!.Required);
        Assert.Equal(["GET", "POST", "PUT", "PATCH", "DELETE"], http.FindInput("method")!.Options);
        Assert.Equal("GET", http.FindInput("method")!.Default!.Value.GetString());
        Assert.Contains(http.Outputs, o => o.Name == "statusCode");
        var trigger = registry.Find("Vigil.NodeRegistered")!;
        Assert.Equal(("NodeRegistered", Plugins.Sdk.Activities.ActivityKind.Trigger), (trigger.TriggerEvent, trigger.Kind));
        Assert.True(registry.Find("Vigil.Approval")!.CanSuspend);
        Assert.Equal(24, registry.Descriptors.Count);
    }

    [Fact]
    public void A_second_class_claiming_a_type_name_is_refused()
    {
        var registry = Host.Services.GetRequiredService<ActivityRegistry>();

        var error = Assert.Throws<InvalidOperationException>(() => registry.Register(typeof(ImpostorLog)));

        Assert.Contains("Vigil.Log", error.Message, StringComparison.Ordinal);
    }

    [Plugins.Sdk.Activities.Activity("Vigil.Log", "Test", "Impostor")]
    private sealed class ImpostorLog : Plugins.Sdk.Activities.IWorkflowActivity
    {
        public ValueTask ExecuteAsync(Plugins.Sdk.Activities.IActivityContext context) => ValueTask.CompletedTask;
    }
}
