using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Dashboard.Feeds;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Testing;

/// <summary>Real scan results for tests: the shared OSV feeds imported into a console, and SBOMs of the vulnerable fixtures.</summary>
public static class ScanData
{
    /// <summary>Imports <c>../shared/feeds</c> into the console's feed store (what an operator's feed import does).</summary>
    public static async Task ImportFeedsAsync(DashboardHost host) =>
        await host.Services.GetRequiredService<ConsoleFeed>().Store.ImportAsync([RepoPaths.SharedFeeds]);

    /// <summary>
    /// The CycloneDX JSON of the npm fixture (lodash 4.17.15, minimist 1.2.5), the NuGet fixture (Newtonsoft.Json
    /// 12.0.1, System.Text.Encodings.Web 4.5.0) and the Go 1.19 binary together: findings of every severity.
    /// </summary>
    public static async Task<string> VulnerableSbomAsync()
    {
        var npm = await SbomGenerator.GenerateAsync("dir:" + Path.Combine(NpmProjectFixture.Path, "npm"), new SourceOptions());
        var nuget = await SbomGenerator.GenerateAsync("dir:" + NuGetProjectFixture.Path, new SourceOptions());
        var go = await SbomGenerator.GenerateAsync("dir:" + Path.GetDirectoryName(GoBinaryFixture.Binary), new SourceOptions());
        var document = npm.Document with { Components = [.. npm.Document.Components, .. nuget.Document.Components, .. go.Document.Components] };
        return CycloneDxWriter.WriteToString(document);
    }

    /// <summary>Pushes <paramref name="sbom"/> for application <paramref name="name"/> (<c>POST /api/v1/sboms</c>); returns the scan id.</summary>
    public static async Task<string> PushAsync(HttpClient api, string name, string sbom)
    {
        using var content = new StringContent(sbom, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.cyclonedx+json");
        using var response = await api.PostAsync($"/api/v1/sboms?name={Uri.EscapeDataString(name)}", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Pushing the SBOM failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Waits until the scan is complete (or failed: then throws with its error).</summary>
    public static async Task<JsonElement> WaitForCompletionAsync(HttpClient api, string scanId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var scan = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/scans/{scanId}")).RootElement;
            var status = scan.GetProperty("status").GetString();
            if (status == "complete")
            {
                return scan;
            }

            if (status is "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Scan {scanId} did not complete: {scan}");
            }

            await Task.Delay(100);
        }
    }
}
