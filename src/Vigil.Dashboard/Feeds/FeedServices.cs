namespace Vigil.Dashboard.Feeds;

public static class FeedServices
{
    /// <summary>The console's feed store, its imports (start, schedule, on demand) and per-source status.</summary>
    public static IServiceCollection AddVigilFeeds(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleFeed>();
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.SectionName);
        // Bulk zips are large and mirrors slow: a generous timeout, the download cap guards the size.
        services.AddHttpClient(FeedImporter.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(10));
        services.AddSingleton<FeedImporter>();
        services.AddSingleton<FeedSourceLog>();
        services.AddTransient<FeedRefreshJob>();
        services.AddHostedService<FeedStartup>();
        return services;
    }
}
