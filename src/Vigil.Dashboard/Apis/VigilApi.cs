using Vigil.Dashboard.Cloud;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class VigilApi
{
    public const string Prefix = "/api/v1";

    /// <summary>Maps every <c>/api/v1</c> resource. Reading needs any role; each resource tightens its writes.</summary>
    public static IEndpointRouteBuilder MapVigilApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).RequireAuthorization(AccessPolicies.Read);
        api.MapMeApi();
        api.MapUsersApi();
        api.MapApiKeysApi();
        api.MapAuditApi();
        api.MapHealthApi();
        api.MapPoliciesApi();
        api.MapWorkflowsApi();
        api.MapWorkflowActivitiesApi();
        api.MapWorkflowInstancesApi();
        api.MapApprovalsApi();
        api.MapNodesApi();
        api.MapNodeAdministrationApi();
        api.MapEnrollmentTokensApi();
        api.MapAgentEnrollmentApi();
        api.MapFeedApi();
        api.MapSchedulesApi();
        api.MapWorkflowHooksApi();
        api.MapScansApi();
        api.MapSbomsApi();
        api.MapTriageApi();
        api.MapScanReportsApi();
        api.MapFleetFindingsApi();
        endpoints.MapAgentScansApi();
        api.MapPluginsApi();
        api.MapIntegrationsApi();
        api.MapNotificationRulesApi();
        api.MapNotificationDeliveriesApi();
        api.MapCloudNodeApi();
        api.MapIntegrationActionsApi();
        api.MapCloudInstancesApi();
        api.MapRegistriesApi();
        return endpoints;
    }
}
