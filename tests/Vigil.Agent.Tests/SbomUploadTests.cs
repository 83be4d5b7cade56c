using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigil.Testing;
using Vigil.Testing.Fixtures;
using static Vigil.Agent.Tests.ScanConsoleFixture;

namespace Vigil.Agent.Tests;

/// <summary>SBOMs pushed by CI and uploaded by agents are hostile input: capped, parsed strictly, refused with reasons.</summary>
public sealed class SbomUploadTests(ScanConsoleFixture console) : IClassFixture<ScanConsoleFixture>
{
    private DashboardHost Host => console.Host;

    [Fact]
    public async Task A_pushed_SBOM_creates_the_image_node_once_and_is_matched_like_a_scan()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        var sbom = await SbomOfNpmFixtureAsync();
        using var api = Host.Api();

        var first = await PushAsync("registry.test/shop/web:1.0", sbom, type: "image");
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        var scan = await WaitForScanAsync(Host, first.Body.GetProperty("id").GetString()!, s => !HasStatus(s, "running"));
        Assert.True(HasStatus(scan, "complete"), scan.ToString());
        var findings = await api.GetJsonAsync($"/api/v1/scans/{scan.GetProperty("id").GetString()}/findings?search=NSWG-ECO-516");
        Assert.True(findings.GetProperty("total").GetInt32() >= 1, findings.ToString());

        var second = await PushAsync("registry.test/shop/web:1.0", Gzip(sbom), type: "image");
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        var nodeId = first.Body.GetProperty("nodeId").GetString();
        Assert.Equal(nodeId, second.Body.GetProperty("nodeId").GetString());
        await WaitForScanAsync(Host, second.Body.GetProperty("id").GetString()!, s => HasStatus(s, "complete"));
        var node = await api.GetJsonAsync($"/api/v1/nodes/{nodeId}");
        Assert.Equal("image", node.GetProperty("type").GetString());
        Assert.Equal(second.Body.GetProperty("id").GetString(), node.GetProperty("lastScan").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Vigil_scan_with_console_pushes_its_SBOM_and_the_console_matches_it()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        var root = new System.CommandLine.RootCommand("vigil") { Cli.Commands.ScanCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Environment.SetEnvironmentVariable("VIGIL_API_KEY", Host.AdminApiKey);
        int exit;
        try
        {
            exit = await root.Parse(["scan", Path.Combine(NpmProjectFixture.Path, "npm"), "--feed", NpmFeed, "--console", Host.BaseAddress.ToString(), "--name", "shop-api"])
                .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_API_KEY", null);
        }

        Assert.True(exit == 0, $"{stdout}{stderr}");
        Assert.Contains("NSWG-ECO-516", stdout.ToString(), StringComparison.Ordinal);
        using var api = Host.Api();
        var node = Assert.Single((await api.GetJsonAsync("/api/v1/nodes?type=application&search=shop-api")).GetProperty("items").EnumerateArray());
        var scan = Assert.Single((await api.GetJsonAsync($"/api/v1/scans?nodeId={node.GetProperty("id").GetString()}")).GetProperty("items").EnumerateArray());
        scan = await WaitForScanAsync(Host, scan.GetProperty("id").GetString()!, s => HasStatus(s, "complete"));
        Assert.True(scan.GetProperty("summary").GetProperty("medium").GetInt32() >= 1, scan.ToString());
    }

    [Fact]
    public async Task Malformed_oversized_and_bomb_SBOMs_are_refused_with_the_reason_and_the_scan_says_so()
    {
        var malformed = await PushAsync("app-malformed", Encoding.UTF8.GetBytes("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{]}"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("not CycloneDX JSON", malformed.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var notCycloneDx = await PushAsync("app-spdx", Encoding.UTF8.GetBytes("{\"spdxVersion\":\"SPDX-2.3\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, notCycloneDx.Status);
        Assert.Contains("bomFormat", notCycloneDx.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var oversized = await PushAsync("app-oversized", new byte[MaxUploadBytes + 1]);
        Assert.True(oversized.Status == HttpStatusCode.RequestEntityTooLarge, $"{oversized.Status} {oversized.Body}");
        Assert.Contains("limit is 1 MB", oversized.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A few KB that inflate past the decompressed cap.
        var bomb = Gzip(Encoding.UTF8.GetBytes("{\"bomFormat\":\"CycloneDX\",\"x\":\"" + new string('a', (int)MaxSbomBytes) + "\"}"));
        Assert.True(bomb.Length < MaxUploadBytes);
        var refused = await PushAsync("app-bomb", bomb);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Contains("decompresses to more than", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Each refusal failed the node's scan with the same words, and the next push for the node is not blocked.
        using var api = Host.Api();
        var nodes = await api.GetJsonAsync("/api/v1/nodes?type=application&search=app-bomb");
        var bombNode = Assert.Single(nodes.GetProperty("items").EnumerateArray()).GetProperty("id").GetString();
        var failed = Assert.Single((await api.GetJsonAsync($"/api/v1/scans?nodeId={bombNode}")).GetProperty("items").EnumerateArray());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("decompresses to more than", failed.GetProperty("error").GetString(), StringComparison.Ordinal);

        var badType = await PushAsync("x", Encoding.UTF8.GetBytes("{}"), type: "host");
        Assert.Equal(HttpStatusCode.BadRequest, badType.Status);
    }

    [Fact]
    public async Task The_agent_upload_endpoint_refuses_API_keys_revoked_credentials_and_other_nodes_scans()
    {
        using var state = new TempDirectory("vigil-agent-state");
        var nodeId = await EnrollAsync(Host, "upload-01", state.Path);
        var credential = JsonDocument.Parse(File.ReadAllText(Path.Combine(state.Path, "agent.json"))).RootElement.GetProperty("credential").GetString()!;
        var scanId = (await StartScanAsync(Host, nodeId)).GetProperty("id").GetString()!;

        using var admin = Host.CreateClient(Host.AdminApiKey);
        using var withKey = await admin.PutAsync($"/api/v1/agent/scans/{scanId}/sbom", new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.Unauthorized, withKey.StatusCode);

        using var otherState = new TempDirectory("vigil-agent-state");
        await EnrollAsync(Host, "upload-02", otherState.Path);
        var otherCredential = JsonDocument.Parse(File.ReadAllText(Path.Combine(otherState.Path, "agent.json"))).RootElement.GetProperty("credential").GetString()!;
        using var other = Host.CreateClient(otherCredential);
        using var notTheirs = await other.PutAsync($"/api/v1/agent/scans/{scanId}/sbom", new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);

        // Queued, not running: the agent is told its SBOM is not wanted.
        using var agent = Host.CreateClient(credential);
        using var early = await agent.PutAsync($"/api/v1/agent/scans/{scanId}/sbom", new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        using var revoke = await admin.DeleteAsync($"/api/v1/nodes/{nodeId}/credential");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using var revoked = await agent.PutAsync($"/api/v1/agent/scans/{scanId}/sbom", new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PushAsync(string name, byte[] body, string type = "application")
    {
        using var client = Host.CreateClient(Host.AdminApiKey);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.cyclonedx+json");
        using var response = await client.PostAsync($"/api/v1/sboms?type={type}&name={Uri.EscapeDataString(name)}", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<byte[]> SbomOfNpmFixtureAsync()
    {
        var generated = await Scanning.Sbom.SbomGenerator.GenerateAsync("dir:" + Path.Combine(NpmProjectFixture.Path, "npm"), new Scanning.Sources.SourceOptions());
        return Encoding.UTF8.GetBytes(Scanning.CycloneDx.CycloneDxWriter.WriteToString(generated.Document, generated.SubjectType));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Optimal))
        {
            zip.Write(data);
        }

        return output.ToArray();
    }
}
