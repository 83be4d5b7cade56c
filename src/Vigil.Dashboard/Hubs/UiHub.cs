using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Hubs;

/// <summary>
/// The browsers' live channel (<c>/hubs/ui</c>, cookie auth): the console pushes batches of domain events as
/// <c>events</c>; clients only listen.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class UiHub : Hub
{
    public const string Route = "/hubs/ui";
    public const string EventsMethod = "events";
}
