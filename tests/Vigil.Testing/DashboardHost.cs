using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Dashboard.Hosting;

namespace Vigil.Testing;

/// <summary>
/// The real dashboard, in this process, on Kestrel at 127.0.0.1 with a free port, a temporary data directory (real
/// SQLite file) and, unless asked otherwise, a bootstrap Admin with a known password and API key.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@vigil.test";
    public const string AdminPassword = "Correct-Horse-9-Battery";

    private readonly TempDirectory? _ownedData;

    private DashboardHost(WebApplication app, string dataDirectory, TempDirectory? ownedData, string? adminApiKey)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownedData = ownedData;
        AdminApiKey = adminApiKey;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>The bootstrap Admin key; null when started without bootstrap.</summary>
    public string? AdminApiKey { get; }

    public static async Task<DashboardHost> StartAsync(DashboardOptions? options = null)
    {
        options ??= new DashboardOptions();
        var owned = options.DataDirectory is null ? new TempDirectory("vigil-dashboard") : null;
        var dataDirectory = options.DataDirectory ?? owned!.Path;
        var apiKey = options.Bootstrap ? "vgl_test_" + Guid.NewGuid().ToString("N") : null;
        var settings = new Dictionary<string, string?>
        {
            ["Vigil:DataDirectory"] = dataDirectory,
            ["Vigil:Feeds:Sources:0"] = RepoPaths.SharedFeeds,
            // Importing the shared feeds costs seconds of CPU per host: tests that need a feed import it (API, page) or opt in.
            ["Vigil:Feeds:ImportAtStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Vigil:DataProtection:CertificatePath"] = SharedKeyRing.CertificatePath,
        };
        if (options.Bootstrap)
        {
            settings["Vigil:Bootstrap:AdminEmail"] = AdminEmail;
            settings["Vigil:Bootstrap:AdminPassword"] = AdminPassword;
            settings["Vigil:Bootstrap:ApiKey"] = apiKey;
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var builder = VigilWebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"], RepoPaths.Root);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (options.Logs is not null)
        {
            builder.Logging.AddProvider(options.Logs);
        }

        builder.AddVigilDashboard();
        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        await app.UseVigilDashboardAsync();
        await app.StartAsync();
        return new DashboardHost(app, dataDirectory, owned, apiKey);
    }

    /// <summary>An HTTP client for this dashboard, authenticated with <paramref name="apiKey"/> when given.</summary>
    public HttpClient CreateClient(string? apiKey = null, bool followRedirects = false)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public VigilApiClient Api(string? apiKey = null) => new(CreateClient(apiKey ?? AdminApiKey));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _ownedData?.Dispose();
    }
}
