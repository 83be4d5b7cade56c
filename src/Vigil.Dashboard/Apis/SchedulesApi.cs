using System.Security.Claims;
using System.Text.RegularExpressions;
using Vigil.Dashboard.Scheduling;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static partial class SchedulesApi
{
    /// <summary>A scan schedule with its recent runs and upcoming fire times.</summary>
    public sealed record ScheduleDetails(ScheduleItem Schedule, IReadOnlyList<ScheduleRun> Runs);

    /// <summary>A scan schedule to create; the id is derived from the name when absent.</summary>
    public sealed record CreateRequest(string? Id, string? Name, string? Cron, string? TimeZone, ScheduleTarget? Target, bool Enabled = false);

    public sealed record PreviewResponse(string QuartzCron, IReadOnlyList<DateTimeOffset> NextFireTimes);

    public static void MapSchedulesApi(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapGet("/", List).WithName("ListSchedules").WithSummary("Every schedule: scan schedules and workflow Cron triggers, with next and last fire");
        schedules.MapGet("/{id}", Get).WithName("GetSchedule").WithSummary("A scan schedule with its recent runs and the scans each started");
        schedules.MapGet("/preview", Preview).WithName("PreviewSchedule").WithSummary("Check a 5-field cron and time zone: Quartz form and next fire times");

        var operate = schedules.MapGroup("/").RequireAuthorization(AccessPolicies.Operate);
        operate.MapPost("/", Create).WithName("CreateSchedule").WithSummary("Create a scan schedule (invalid cron, time zone or target: 400 listing each)");
        operate.MapPut("/{id}", Save).WithName("SaveSchedule").WithSummary("Create or replace a scan schedule");
        operate.MapDelete("/{id}", Delete).WithName("DeleteSchedule").WithSummary("Delete a scan schedule and its run history");
        operate.MapPost("/{id}/enable", Enable).WithName("EnableSchedule").WithSummary("Let the schedule fire");
        operate.MapPost("/{id}/disable", Disable).WithName("DisableSchedule").WithSummary("Stop the schedule firing (its history stays)");
    }

    private static async Task<Ok<ItemsPage<ScheduleItem>>> List(ScheduleBoard board, CancellationToken cancellationToken)
    {
        var items = await board.ListAsync(cancellationToken);
        return TypedResults.Ok(new ItemsPage<ScheduleItem>(items, items.Count));
    }

    private static async Task<Results<Ok<ScheduleDetails>, NotFound>> Get(
        string id, ScanScheduleStore store, ScheduleBoard board, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } schedule)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new ScheduleDetails(await board.ScanItemAsync(schedule, time.GetUtcNow(), cancellationToken), await store.ListRunsAsync(id, cancellationToken: cancellationToken)));
    }

    private static Results<Ok<PreviewResponse>, ValidationProblem> Preview(string? cron, string? timeZone, TimeProvider time)
    {
        try
        {
            var schedule = CronSchedule.Parse(cron ?? "", timeZone);
            return TypedResults.Ok(new PreviewResponse(schedule.QuartzExpression, schedule.NextFireTimes(time.GetUtcNow(), 5)));
        }
        catch (CronScheduleException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cron"] = [ex.Message] });
        }
    }

    private static async Task<Results<Created<ScanSchedule>, ValidationProblem, Conflict<string>>> Create(
        CreateRequest request, ScanSchedules schedules, ScanScheduleStore store, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(request.Id) ? Slug(request.Name) : request.Id;
        if (await store.GetAsync(id, cancellationToken) is not null)
        {
            return TypedResults.Conflict($"A schedule with id '{id}' exists; PUT /api/v1/schedules/{id} changes it.");
        }

        try
        {
            var (schedule, _) = await schedules.SaveAsync(id, Draft(request), caller.ActorName(), cancellationToken);
            return TypedResults.Created($"{VigilApi.Prefix}/schedules/{schedule.Id}", schedule);
        }
        catch (InputValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }
    }

    private static async Task<Results<Ok<ScanSchedule>, Created<ScanSchedule>, ValidationProblem>> Save(
        string id, CreateRequest request, ScanSchedules schedules, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            var (schedule, created) = await schedules.SaveAsync(id, Draft(request), caller.ActorName(), cancellationToken);
            return created ? TypedResults.Created($"{VigilApi.Prefix}/schedules/{schedule.Id}", schedule) : TypedResults.Ok(schedule);
        }
        catch (InputValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, ScanSchedules schedules, CancellationToken cancellationToken) =>
        await schedules.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ScanSchedule>, NotFound>> Enable(string id, ScanSchedules schedules, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await schedules.SetEnabledAsync(id, true, caller.ActorName(), cancellationToken) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScanSchedule>, NotFound>> Disable(string id, ScanSchedules schedules, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await schedules.SetEnabledAsync(id, false, caller.ActorName(), cancellationToken) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static ScanScheduleDraft Draft(CreateRequest r) => new(r.Name, r.Cron, r.TimeZone, r.Target, r.Enabled);

    private static string Slug(string? name)
    {
        var slug = NonWord().Replace((name ?? "").Trim().ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "schedule-" + Guid.NewGuid().ToString("N")[..8] : slug[..Math.Min(slug.Length, 80)];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
