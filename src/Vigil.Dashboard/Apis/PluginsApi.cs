using Vigil.Dashboard.Plugins;

namespace Vigil.Dashboard.Apis;

public static class PluginsApi
{
    public static void MapPluginsApi(this RouteGroupBuilder api)
    {
        var plugins = api.MapGroup("/plugins").WithTags("Plugins");
        plugins.MapGet("/", List).WithName("ListPlugins").WithSummary("Installed plugins with version, state, error and connector types");
    }

    private static Ok<ItemsPage<PluginView>> List(PluginCatalog catalog)
    {
        var views = catalog.Plugins.Select(PluginView.From).ToArray();
        return TypedResults.Ok(new ItemsPage<PluginView>(views, views.Length));
    }
}
