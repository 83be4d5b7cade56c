using Vigil.Dashboard.Feeds;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class FeedApi
{
    public static void MapFeedApi(this RouteGroupBuilder api)
    {
        var feed = api.MapGroup("/feed").WithTags("Feed");
        feed.MapGet("/", Get).WithName("GetFeed").WithSummary("The current feed snapshot, each source's status and the import under way");
        feed.MapPost("/import", Import).WithName("ImportFeed").WithSummary("Import the feed sources now (answers at once; poll GET /feed for progress)")
            .RequireAuthorization(AccessPolicies.Administer);
    }

    private static async Task<Ok<FeedOverview>> Get(ConsoleFeed feed, FeedImporter importer, FeedSourceLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FeedOverview.ReadAsync(feed, importer, log, cancellationToken));

    private static Accepted<FeedImportProgress> Import(FeedImporter importer)
    {
        _ = importer.ImportAsync();
        return TypedResults.Accepted($"{VigilApi.Prefix}/feed", importer.Progress);
    }
}
