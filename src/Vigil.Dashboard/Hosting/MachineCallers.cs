using Microsoft.AspNetCore.Authentication;

namespace Vigil.Dashboard.Hosting;

/// <summary>API and hub callers get status codes; people in a browser get the sign-in page.</summary>
public static class MachineCallers
{
    public static bool IsMachinePath(PathString path) =>
        (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/docs")) || path.StartsWithSegments("/hubs") ||
        path.StartsWithSegments("/openapi") || path.StartsWithSegments("/_blazor");

    public static Task StatusOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsMachinePath(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
