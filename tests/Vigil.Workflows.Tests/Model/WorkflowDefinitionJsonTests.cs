using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Tests.Model;

public sealed class WorkflowDefinitionJsonTests
{
    private const string DesignerJson = """
        {
          "id": "scan-new-nodes",
          "version": 3,
          "name": "Scan new nodes",
          "description": "before deployment",
          "variables": [{ "name": "attempts", "type": "number", "default": 0 }],
          "activities": [
            { "id": "start", "type": "Vigil.NodeRegistered", "inputs": { "labels": { "kind": "literal", "value": { "env": "prod" } } },
              "designer": { "x": 10, "y": 20, "collapsed": true, "ports": [1, 2, { "deep": null }] } },
            { "id": "check", "type": "Vigil.Decision", "inputs": { "condition": { "kind": "js", "value": "input.nodeType === 'host'" } },
              "designer": { "x": 200, "y": 20 } }
          ],
          "connections": [{ "source": "start", "sourceOutcome": "Done", "target": "check" }],
          "designer": { "zoom": 1.25, "viewport": { "x": -40, "y": 12 }, "futureFeature": ["kept"] },
          "x-designer-extension": { "theme": "dark" }
        }
        """;

    [Fact]
    public void Parsing_reads_every_field_of_the_contract_shape()
    {
        var definition = WorkflowDefinition.Parse(DesignerJson);

        Assert.Equal("scan-new-nodes", definition.Id);
        Assert.Equal(3, definition.Version);
        Assert.Equal("before deployment", definition.Description);
        Assert.Equal("attempts", Assert.Single(definition.Variables).Name);
        Assert.Equal(2, definition.Activities.Count);
        Assert.Equal(InputKind.Literal, definition.Activities[0].Inputs!["labels"].Kind);
        Assert.Equal(InputKind.Js, definition.Activities[1].Inputs!["condition"].Kind);
        Assert.Equal("input.nodeType === 'host'", definition.Activities[1].Inputs!["condition"].Expression);
        Assert.Equal(new Connection("start", "Done", "check"), Assert.Single(definition.Connections));
    }

    [Fact]
    public void Designer_data_and_unknown_top_level_properties_round_trip_untouched()
    {
        var original = JsonNode.Parse(DesignerJson)!;

        var roundTripped = JsonNode.Parse(WorkflowDefinition.Parse(DesignerJson).ToJson())!;

        Assert.True(JsonNode.DeepEquals(original["designer"], roundTripped["designer"]));
        Assert.True(JsonNode.DeepEquals(original["activities"]![0]!["designer"], roundTripped["activities"]![0]!["designer"]));
        Assert.True(JsonNode.DeepEquals(original["x-designer-extension"], roundTripped["x-designer-extension"]));
        Assert.True(JsonNode.DeepEquals(original, roundTripped), roundTripped.ToJsonString());
    }

    [Fact]
    public void Input_kinds_serialize_as_lowercase_strings()
    {
        var json = JsonSerializer.Serialize(ActivityInput.Js("1 + 1"), WorkflowJson.Options);

        Assert.Equal("""{"kind":"js","value":"1 \u002B 1"}""", json);
    }
}
