namespace Vigil.Dashboard.Tests.Workflows;

/// <summary>Definition JSON (contracts §10) the workflow API tests send, as a designer or an import would.</summary>
internal static class WorkflowJsonSamples
{
    public static object ManualLog(string id) => new
    {
        id,
        name = $"Flow {id}",
        activities = new object[]
        {
            new { id = "start", type = "Vigil.Manual", inputs = new { } },
            new { id = "log", type = "Vigil.Log", inputs = new { message = new { kind = "js", value = "'hello ' + input.who" } } },
        },
        connections = new[] { new { source = "start", sourceOutcome = "Done", target = "log" } },
        designer = new { zoom = 2 },
    };

    public static object ManualApproval(string id) => new
    {
        id,
        name = $"Approval {id}",
        activities = new object[]
        {
            new { id = "start", type = "Vigil.Manual", inputs = new { } },
            new { id = "ask", type = "Vigil.Approval", inputs = new { title = new { kind = "literal", value = "Deploy?" } } },
            new { id = "yes", type = "Vigil.Log", inputs = new { message = new { kind = "literal", value = "approved" } } },
            new { id = "no", type = "Vigil.Log", inputs = new { message = new { kind = "literal", value = "rejected" } } },
        },
        connections = new[]
        {
            new { source = "start", sourceOutcome = "Done", target = "ask" },
            new { source = "ask", sourceOutcome = "Approved", target = "yes" },
            new { source = "ask", sourceOutcome = "Rejected", target = "no" },
        },
    };

    /// <summary>Three independent mistakes: an unknown activity type, a dangling connection, a missing required input.</summary>
    public static object Broken(string id) => new
    {
        id,
        name = "Broken",
        activities = new object[]
        {
            new { id = "start", type = "Vigil.Manual", inputs = new { } },
            new { id = "mystery", type = "Vigil.NoSuchThing", inputs = new { } },
            new { id = "log", type = "Vigil.Log", inputs = new { } },
        },
        connections = new[]
        {
            new { source = "start", sourceOutcome = "Done", target = "log" },
            new { source = "log", sourceOutcome = "Done", target = "nowhere" },
        },
    };
}
