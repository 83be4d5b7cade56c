using System.Security.Claims;

namespace Vigil.Dashboard.Apis;

/// <summary>Who is calling, as the audit log names them.</summary>
public static class CallerIdentity
{
    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static string ActorId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
