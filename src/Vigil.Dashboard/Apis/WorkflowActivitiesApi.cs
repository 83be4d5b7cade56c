using Vigil.Workflows.Descriptors;

namespace Vigil.Dashboard.Apis;

public static class WorkflowActivitiesApi
{
    public static void MapWorkflowActivitiesApi(this RouteGroupBuilder api) =>
        api.MapGet("/workflow-activities", List).WithTags("Workflows").WithName("ListWorkflowActivities")
            .WithSummary("Every activity the engine runs, with category, inputs, outputs and outcomes");

    private static Ok<ItemsPage<ActivityDescriptor>> List(ActivityRegistry registry)
    {
        var all = registry.Descriptors;
        return TypedResults.Ok(new ItemsPage<ActivityDescriptor>(all, all.Count));
    }
}
