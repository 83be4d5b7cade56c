using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Dashboard.Security;
using Vigil.Dashboard.Workflows;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Validation;

namespace Vigil.Dashboard.Apis;

public static class WorkflowsApi
{
    public sealed record StartRequest(JsonElement? Input);

    public sealed record StartedInstance(string InstanceId, WorkflowStatus Status);

    public sealed record TestRunResponse(WorkflowStatus Status, string? Error, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<string> WaitingFor);

    public static void MapWorkflowsApi(this RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/workflows").WithTags("Workflows");
        flows.MapGet("/", List).WithName("ListWorkflows").WithSummary("Definitions with their published version and enabled state");
        flows.MapGet("/schema", Schema).WithName("GetWorkflowSchema").WithSummary("JSON Schema of definition JSON, generated from the activities");
        flows.MapGet("/{id}", Get).WithName("GetWorkflow").WithSummary("A definition (draft, else published) and its versions");
        flows.MapGet("/{id}/versions/{version:int}", GetVersion).WithName("GetWorkflowVersion").WithSummary("One immutable published version");
        flows.MapGet("/{id}/export", Export).WithName("ExportWorkflow").WithSummary("Definition JSON to import elsewhere");

        var admin = flows.MapGroup("/").RequireAuthorization(AccessPolicies.Administer);
        admin.MapPost("/validate", Validate).WithName("ValidateWorkflow").WithSummary("Every error of a definition (200 either way)");
        admin.MapPut("/{id}", SaveDraft).WithName("SaveWorkflowDraft").WithSummary("Create or update a draft; an invalid one is refused (400 listing every error), nothing saved");
        admin.MapPut("/{id}/work-in-progress", SaveWorkInProgress).WithName("SaveWorkflowWorkInProgress")
            .WithSummary("Keep a half-built draft as it is (the designer's autosave); answers with what publishing would refuse");
        admin.MapPost("/import", Import).WithName("ImportWorkflow").WithSummary("Import definition JSON as a draft; invalid definitions are refused");
        admin.MapPost("/{id}/test-run", TestRun).WithName("TestRunWorkflow").WithSummary("Run the draft with sample trigger input; nothing is stored");
        admin.MapPost("/{id}/publish", Publish).WithName("PublishWorkflow").WithSummary("Publish the draft as the next immutable version");
        admin.MapPost("/{id}/enable", Enable).WithName("EnableWorkflow").WithSummary("Let the definition's triggers start instances");
        admin.MapPost("/{id}/disable", Disable).WithName("DisableWorkflow").WithSummary("Stop the definition's triggers (running instances go on)");

        flows.MapPost("/{id}/start", Start).WithName("StartWorkflow").WithSummary("Start the published version from its Manual trigger with input")
            .RequireAuthorization(AccessPolicies.Operate);
    }

    private static async Task<Ok<ItemsPage<DefinitionSummary>>> List(WorkflowDefinitionStore store, CancellationToken cancellationToken, int skip = 0, int take = 50)
    {
        var page = await store.ListAsync(Math.Max(0, skip), Math.Clamp(take, 1, 500), cancellationToken);
        return TypedResults.Ok(new ItemsPage<DefinitionSummary>(page, await store.CountAsync(cancellationToken)));
    }

    private static Ok<JsonObject> Schema(WorkflowSchemaGenerator generator) => TypedResults.Ok(generator.Generate());

    private static async Task<Results<Ok<WorkflowDetails>, NotFound>> Get(string id, WorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var summary = await store.FindSummaryAsync(id, cancellationToken);
        var definition = await store.GetDraftOrPublishedAsync(id, cancellationToken);
        if (summary is null || definition is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new WorkflowDetails(summary, WorkflowProblems.ToJson(definition), await store.ListVersionsAsync(id, cancellationToken)));
    }

    private static async Task<Results<Ok<JsonElement>, NotFound>> GetVersion(string id, int version, WorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.GetVersionAsync(id, version, cancellationToken) is { } compiled
            ? TypedResults.Ok(WorkflowProblems.ToJson(compiled.Definition))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<JsonElement>, NotFound>> Export(string id, WorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.GetDraftOrPublishedAsync(id, cancellationToken) is { } definition
            ? TypedResults.Ok(WorkflowProblems.ToJson(definition with { Version = 0 }))
            : TypedResults.NotFound();

    private static Results<Ok<ValidationResult>, ProblemHttpResult> Validate(JsonElement body, WorkflowValidator validator) =>
        WorkflowProblems.TryParse(body, out var error) is { } definition
            ? TypedResults.Ok(validator.Validate(definition))
            : WorkflowProblems.Unreadable(error);

    private static async Task<Results<Ok<ValidationResult>, ProblemHttpResult>> SaveDraft(
        string id, JsonElement body, WorkflowDefinitionStore store, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        if (ReadForId(id, body) is not { } definition)
        {
            return WorkflowProblems.Unreadable(ReadError(id, body));
        }

        var validation = validator.Validate(definition);
        if (!validation.IsValid)
        {
            return WorkflowProblems.Invalid(validation);
        }

        await store.SaveDraftAsync(definition, cancellationToken);
        return TypedResults.Ok(validation);
    }

    private static async Task<Results<Ok<ValidationResult>, ProblemHttpResult>> SaveWorkInProgress(
        string id, JsonElement body, WorkflowDefinitionStore store, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        if (ReadForId(id, body) is not { } definition)
        {
            return WorkflowProblems.Unreadable(ReadError(id, body));
        }

        // Said explicitly by the caller: a half-built flow is kept as it is; publishing still refuses it.
        await store.SaveDraftAsync(definition, cancellationToken);
        return TypedResults.Ok(validator.Validate(definition));
    }

    private static Vigil.Workflows.Model.WorkflowDefinition? ReadForId(string id, JsonElement body) =>
        WorkflowProblems.TryParse(body, out _) is { } definition && definition.Id == id ? definition : null;

    private static string ReadError(string id, JsonElement body) =>
        WorkflowProblems.TryParse(body, out var error) is { } definition
            ? $"The definition's id '{definition.Id}' is not the id in the URL ('{id}')."
            : error;

    private static async Task<Results<Created<ValidationResult>, ProblemHttpResult>> Import(
        JsonElement body, WorkflowDefinitionStore store, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        if (WorkflowProblems.TryParse(body, out var error) is not { } definition)
        {
            return WorkflowProblems.Unreadable(error);
        }

        var validation = validator.Validate(definition);
        if (!validation.IsValid)
        {
            return WorkflowProblems.Invalid(validation);
        }

        await store.SaveDraftAsync(definition, cancellationToken);
        return TypedResults.Created($"{VigilApi.Prefix}/workflows/{definition.Id}", validation);
    }

    private static async Task<Results<Ok<TestRunResponse>, NotFound, ProblemHttpResult>> TestRun(
        string id, StartRequest? request, WorkflowDefinitionStore store, WorkflowTestRunner runner, CancellationToken cancellationToken)
    {
        if (await store.GetDraftOrPublishedAsync(id, cancellationToken) is not { } definition)
        {
            return TypedResults.NotFound();
        }

        try
        {
            var result = await runner.RunAsync(definition, request?.Input, cancellationToken: cancellationToken);
            return TypedResults.Ok(new TestRunResponse(
                result.Instance.Status, result.Instance.Error, result.Journal, result.Bookmarks.Select(b => $"{b.ActivityId}: {b.Request.EventName}").ToArray()));
        }
        catch (WorkflowValidationException ex)
        {
            return WorkflowProblems.Invalid(ex.Result);
        }
    }

    private static async Task<Results<Ok<JsonElement>, NotFound, ProblemHttpResult>> Publish(
        string id, WorkflowAdministration administration, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            return await administration.PublishAsync(id, caller.ActorName(), cancellationToken) is { } published
                ? TypedResults.Ok(WorkflowProblems.ToJson(published))
                : TypedResults.NotFound();
        }
        catch (WorkflowValidationException ex)
        {
            return WorkflowProblems.Invalid(ex.Result);
        }
    }

    private static async Task<Results<NoContent, NotFound>> Enable(string id, WorkflowAdministration administration, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await administration.SetEnabledAsync(id, true, caller.ActorName(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Disable(string id, WorkflowAdministration administration, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await administration.SetEnabledAsync(id, false, caller.ActorName(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<StartedInstance>, NotFound, ProblemHttpResult>> Start(
        string id, StartRequest? request, WorkflowDefinitionStore store, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await store.FindSummaryAsync(id, cancellationToken) is not { } summary)
        {
            return TypedResults.NotFound();
        }

        if (summary.PublishedVersion is null || !summary.IsEnabled)
        {
            return TypedResults.Problem(
                title: "The workflow cannot start", detail: "Only a published, enabled workflow starts.", statusCode: StatusCodes.Status409Conflict);
        }

        var manual = (await store.GetVersionAsync(id, summary.PublishedVersion.Value, cancellationToken))!.Definition.Activities
            .FirstOrDefault(a => a.Type == "Vigil.Manual");
        if (manual is null)
        {
            return TypedResults.Problem(
                title: "The workflow cannot start", detail: "It has no Manual start trigger.", statusCode: StatusCodes.Status409Conflict);
        }

        var instance = await runtime.StartAsync(id, request?.Input, new StartOptions(manual.Id), cancellationToken);
        return TypedResults.Ok(new StartedInstance(instance!.Id, instance.Status));
    }
}
