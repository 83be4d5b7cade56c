using Vigil.Core.Accounts;

namespace Vigil.Dashboard.Hosting;

/// <summary>Until the first Admin exists, every page visit goes to the setup page.</summary>
public sealed class SetupRedirectMiddleware(RequestDelegate next, UserDirectory directory)
{
    public const string SetupPath = "/setup";

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && IsPage(context.Request.Path) && !await directory.AnyUserAsync(context.RequestAborted))
        {
            context.Response.Redirect(SetupPath);
            return;
        }

        await next(context);
    }

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments(SetupPath) && !MachineCallers.IsMachinePath(path) &&
        !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/css") &&
        !path.StartsWithSegments("/js") && !path.StartsWithSegments("/img") && !path.StartsWithSegments("/healthz") &&
        !path.StartsWithSegments("/readyz") && !Path.HasExtension(path.Value);
}
