using System.Text.Json;
using Vigil.Workflows.Model;
using Vigil.Workflows.Validation;

namespace Vigil.Dashboard.Workflows;

/// <summary>How the workflow APIs read definition JSON and answer with what is wrong with it.</summary>
public static class WorkflowProblems
{
    /// <summary>400 problem details with every validation error (code, message, activity, input, connection).</summary>
    public static ProblemHttpResult Invalid(ValidationResult result) =>
        TypedResults.Problem(
            title: "The workflow definition is invalid",
            detail: $"{result.Errors.Count} error(s); nothing was saved.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });

    public static ProblemHttpResult Unreadable(string message) =>
        TypedResults.Problem(title: "The workflow definition is not readable", detail: message, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Parses definition JSON (contracts §10); null with <paramref name="error"/> when it is not a definition.</summary>
    public static WorkflowDefinition? TryParse(JsonElement body, out string error)
    {
        error = "";
        try
        {
            var definition = WorkflowDefinition.Parse(body.GetRawText());
            if (string.IsNullOrWhiteSpace(definition.Id))
            {
                error = "A workflow definition needs an id.";
                return null;
            }

            return definition;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>The engine's own JSON form of a definition, as a value the API serializer writes untouched.</summary>
    public static JsonElement ToJson(WorkflowDefinition definition)
    {
        using var document = JsonDocument.Parse(definition.ToJson());
        return document.RootElement.Clone();
    }
}
