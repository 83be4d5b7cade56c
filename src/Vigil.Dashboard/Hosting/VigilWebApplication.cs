using Vigil.Core.Configuration;

namespace Vigil.Dashboard.Hosting;

/// <summary>
/// Creates the dashboard's builder rooted at the folder of appsettings.json (the repository root in a build, the
/// application folder when published), so configuration and <c>wwwroot/</c> are found from any working directory.
/// </summary>
public static class VigilWebApplication
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string? configRoot = null)
    {
        var root = configRoot ?? ConfigRoot.Locate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(VigilWebApplication).Assembly.GetName().Name,
            ContentRootPath = root,
        });
        // A build serves package assets (MudBlazor's _content) from the NuGet cache through the static web assets
        // manifest; ASP.NET enables that only in Development, but the console runs from a build in every environment.
        // After publish there is no such manifest and the call does nothing.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
