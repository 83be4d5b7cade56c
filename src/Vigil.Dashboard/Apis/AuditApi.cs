using Vigil.Core.Audit;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", Query).WithTags("Audit").RequireAuthorization(AccessPolicies.Administer)
            .WithName("QueryAuditLog").WithSummary("Who did what, newest first, with filters and paging");
    }

    private static async Task<Ok<ItemsPage<AuditEntry>>> Query(AuditLog log, string? actor, string? action, string? search, DateTimeOffset? from, DateTimeOffset? to, int skip = 0, int take = 50)
    {
        var page = await log.QueryAsync(new AuditQuery(actor, action, search, from, to, skip, take));
        return TypedResults.Ok(new ItemsPage<AuditEntry>(page.Items, page.Total));
    }
}
