using System.Diagnostics;
using System.Net;
using Vigil.Testing;

namespace Vigil.EndToEnd.Tests;

/// <summary>The dashboard as people run it: a process started from anywhere, and a published folder.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Built_dashboard_serves_its_assets_from_any_working_directory()
    {
        using var data = new TempDirectory("vigil-cwd");
        using var elsewhere = new TempDirectory("vigil-elsewhere");
        await using var dashboard = DashboardProcess.Start(DashboardProcess.BuiltDashboardDll, elsewhere.Path, new Dictionary<string, string> { ["Vigil__DataDirectory"] = data.Path });

        await dashboard.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        await AssertServesAssetsAsync(dashboard.BaseAddress);
        Assert.True(File.Exists(Path.Combine(data.Path, "vigil.db")), "the SQLite file is created in the configured data directory");
    }

    [Fact]
    public async Task Published_dashboard_runs_with_its_configuration_and_assets()
    {
        using var publish = new TempDirectory("vigil-publish");
        using var data = new TempDirectory("vigil-published-data");
        var result = await RunAsync("dotnet", $"publish {RepoPaths.Combine("src", "Vigil.Dashboard")} -c Release -o {publish.Path} --nologo -v q");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(Path.Combine(publish.Path, "appsettings.json")), "appsettings.json travels with the published app");
        Assert.True(File.Exists(Path.Combine(publish.Path, "wwwroot", "css", "vigil.css")), "the top-level wwwroot travels with the published app");

        await using var dashboard = DashboardProcess.Start(Path.Combine(publish.Path, "Vigil.Dashboard.dll"), Path.GetTempPath(), new Dictionary<string, string> { ["Vigil__DataDirectory"] = data.Path });
        await dashboard.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        await AssertServesAssetsAsync(dashboard.BaseAddress);
    }

    [Fact]
    public async Task Unwritable_data_directory_stops_start_up_with_one_clear_message()
    {
        using var temp = new TempDirectory("vigil-bad-data");
        var file = temp.Combine("a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var wanted = Path.Combine(file, "data");
        await using var dashboard = DashboardProcess.Start(DashboardProcess.BuiltDashboardDll, temp.Path, new Dictionary<string, string> { ["Vigil__DataDirectory"] = wanted });

        var exitCode = await dashboard.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains($"Vigil cannot use its data directory '{wanted}'", dashboard.Output);
        Assert.DoesNotContain("   at ", dashboard.Output);
    }

    private static async Task AssertServesAssetsAsync(Uri baseAddress)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        foreach (var asset in new[] { "/css/vigil.css", "/js/vigil.js", "/img/vigil-mark.svg", "/_content/MudBlazor/MudBlazor.min.css", "/_framework/blazor.web.js" })
        {
            using var response = await http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }

        using var page = await http.GetAsync("/");
        Assert.Equal("/setup", page.Headers.Location?.ToString());
        Assert.Contains("Welcome to Vigil", await http.GetStringAsync("/setup"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
