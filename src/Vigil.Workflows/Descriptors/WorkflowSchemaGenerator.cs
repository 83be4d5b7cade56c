using System.Text.Json.Nodes;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Descriptors;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of the definition format from the registered descriptors: one branch per
/// activity type with its inputs, their types and allowed values. Served at <c>/api/v1/workflows/schema</c> for the designer.
/// </summary>
public sealed class WorkflowSchemaGenerator
{
    private readonly ActivityRegistry _registry;

    /// <summary>Creates the generator.</summary>
    public WorkflowSchemaGenerator(ActivityRegistry registry) => _registry = registry;

    /// <summary>The schema as a JSON object.</summary>
    public JsonObject Generate()
    {
        var activityBranches = new JsonArray();
        foreach (var descriptor in _registry.Descriptors)
        {
            activityBranches.Add(ActivitySchema(descriptor));
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://vigil.dev/schemas/workflow-definition.json",
            ["title"] = "Vigil workflow definition",
            ["type"] = "object",
            ["required"] = new JsonArray("id", "activities", "connections"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["version"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["description"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["variables"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("name"),
                        ["properties"] = new JsonObject
                        {
                            ["name"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                            ["type"] = new JsonObject { ["type"] = "string" },
                            ["default"] = new JsonObject(),
                        },
                    },
                },
                ["activities"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["oneOf"] = activityBranches } },
                ["connections"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("source", "sourceOutcome", "target"),
                        ["properties"] = new JsonObject
                        {
                            ["source"] = new JsonObject { ["type"] = "string" },
                            ["sourceOutcome"] = new JsonObject { ["type"] = "string" },
                            ["target"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
                ["designer"] = new JsonObject { ["type"] = "object" },
            },
        };
    }

    private static JsonObject ActivitySchema(ActivityDescriptor descriptor)
    {
        var inputs = new JsonObject();
        foreach (var input in descriptor.Inputs)
        {
            // Choices are strings (the attribute takes string options); both keywords keep every validator strict.
            var literal = input.Options is { Count: > 0 } options
                ? new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(options.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()) }
                : ValueSchema(input.Type);

            inputs[input.Name] = new JsonObject
            {
                ["title"] = input.DisplayName,
                ["description"] = input.Description,
                ["x-vigil-secret"] = input.Secret,
                ["x-vigil-uiHint"] = input.UIHint,
                ["oneOf"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("kind", "value"),
                        ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["enum"] = new JsonArray("literal") }, ["value"] = literal },
                    },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("kind", "value"),
                        ["properties"] = new JsonObject
                        {
                            ["kind"] = new JsonObject { ["enum"] = new JsonArray("js") },
                            ["value"] = new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/javascript" },
                        },
                    }),
            };
        }

        var required = descriptor.Inputs.Where(i => i.Required && i.Default is null).Select(i => (JsonNode?)JsonValue.Create(i.Name)).ToArray();
        return new JsonObject
        {
            ["title"] = descriptor.DisplayName,
            ["description"] = descriptor.Description,
            ["x-vigil-category"] = descriptor.Category,
            ["x-vigil-kind"] = descriptor.Kind == ActivityKind.Trigger ? "trigger" : "action",
            ["x-vigil-outcomes"] = new JsonArray(descriptor.Outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
            ["type"] = "object",
            ["required"] = new JsonArray("id", "type"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["type"] = new JsonObject { ["enum"] = new JsonArray(descriptor.Type) },
                ["inputs"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = inputs,
                    ["required"] = new JsonArray(required),
                    ["additionalProperties"] = false,
                },
                ["designer"] = new JsonObject { ["type"] = "object" },
            },
        };
    }

    private static JsonObject ValueSchema(ActivityValueType type) => type switch
    {
        ActivityValueType.String => new JsonObject { ["type"] = new JsonArray("string", "null") },
        ActivityValueType.Number => new JsonObject { ["type"] = new JsonArray("number", "null") },
        ActivityValueType.Integer => new JsonObject { ["type"] = new JsonArray("integer", "null") },
        ActivityValueType.Boolean => new JsonObject { ["type"] = new JsonArray("boolean", "null") },
        ActivityValueType.Object => new JsonObject { ["type"] = new JsonArray("object", "null") },
        ActivityValueType.Array => new JsonObject { ["type"] = new JsonArray("array", "null") },
        _ => new JsonObject(),
    };
}
