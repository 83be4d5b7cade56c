using Scalar.AspNetCore;
using Vigil.Core.Storage;
using Vigil.Dashboard.Accounts;
using Vigil.Dashboard.Apis;
using Vigil.Dashboard.Components;
using Vigil.Dashboard.Hubs;
using Vigil.Dashboard.Security;
using Vigil.Dashboard.Workflows;

namespace Vigil.Dashboard.Hosting;

public static class DashboardPipeline
{
    /// <summary>Migrates the database, applies headless bootstrap, installs workflow templates, then builds the request pipeline and maps every endpoint.</summary>
    public static async Task<WebApplication> UseVigilDashboardAsync(this WebApplication app)
    {
        app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        await app.Services.GetRequiredService<BootstrapService>().RunAsync();
        // Before the outbox starts delivering events, so a template is never enabled, even for a moment, while events flow.
        await app.Services.GetRequiredService<WorkflowTemplateInstaller>().InstallAsync();

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A caller's malformed request is answered, not logged as a server error.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<SetupRedirectMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().Add(b => b.Metadata.Add(new AnonymousBecauseAttribute("static assets of the sign-in and setup pages")));
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHub<UiHub>(UiHub.Route);
        app.MapHub<AgentHub>(AgentHub.Route);
        app.MapProbes();
        app.MapVigilApi();
        app.MapAccountEndpoints();
        app.MapOpenApi().RequireAuthorization(AccessPolicies.Read);
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Vigil API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireAuthorization(AccessPolicies.Read)
            .Finally(b =>
            {
                // Scalar serves its own script and icon to anyone; the page and the document it reads stay private.
                if (b.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
                {
                    b.Metadata.Add(new AnonymousBecauseAttribute("public script and icon of the API reference page"));
                }
            });
        return app;
    }
}
