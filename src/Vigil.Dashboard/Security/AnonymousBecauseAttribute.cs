using Microsoft.AspNetCore.Authorization;

namespace Vigil.Dashboard.Security;

/// <summary>
/// Lets anonymous callers reach an endpoint and says why. Every endpoint without it requires a signed-in caller;
/// the authorization test reads this metadata rather than a list of paths.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AnonymousBecauseAttribute(string reason) : AllowAnonymousAttribute
{
    public string Reason { get; } = reason;
}
