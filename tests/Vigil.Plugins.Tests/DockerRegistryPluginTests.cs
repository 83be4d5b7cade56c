using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Json;
using Vigil.Dashboard.Integrations;
using Vigil.Plugins.Sdk.Registries;
using Vigil.Scanning.Registry;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>The Docker Registry plugin, loaded by the real loader from its built folder, against real registries.</summary>
public sealed class DockerRegistryPluginTests(PluginsFixture fixture)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData(RegistryAuthMode.Anonymous)]
    [InlineData(RegistryAuthMode.Basic)]
    [InlineData(RegistryAuthMode.Token)]
    public async Task Lists_repositories_page_by_page_and_tags_with_digests_and_push_dates(RegistryAuthMode mode)
    {
        Assert.SkipUnless(DatedImages.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var registry = new RegistryServerFixture(mode);
        DatedImages.Push(registry,
            ("team/api:1.0", Now.AddDays(-10)), ("team/api:1.1", Now.AddDays(-2)), ("team/web:latest", Now.AddDays(-1)), ("other/db:2", Now.AddDays(-5)));
        using var api = fixture.Host.Api();
        var id = await CreateAsync(api, registry, mode == RegistryAuthMode.Anonymous ? null : RegistryServerFixture.Password);

        var test = await api.PostJsonAsync($"/api/v1/integrations/{id}/test", new { });
        var first = await api.GetJsonAsync($"/api/v1/integrations/{id}/repositories?take=2");
        var second = await api.GetJsonAsync($"/api/v1/integrations/{id}/repositories?take=2&cursor={first.GetProperty("next").GetString()}");
        var tags = await api.GetJsonAsync($"/api/v1/integrations/{id}/tags?repository=team/api");

        Assert.True(test.GetProperty("success").GetBoolean(), test.GetProperty("message").GetString());
        Assert.Contains("the catalog lists 3 repositories", test.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["other/db", "team/api"], Names(first, "name"));
        Assert.Equal(["team/web"], Names(second, "name"));
        Assert.False(second.TryGetProperty("next", out _));
        Assert.Equal($"{registry.Host}/team/web", second.GetProperty("items")[0].GetProperty("image").GetString());
        Assert.Equal(["1.1", "1.0"], Names(tags, "tag"));
        var newest = tags.GetProperty("items")[0];
        Assert.Equal(Now.AddDays(-2).ToUnixTimeSeconds(), newest.GetProperty("pushedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(await ManifestDigestAsync(registry, "team/api", "1.1"), newest.GetProperty("digest").GetString());
        Assert.NotEqual(newest.GetProperty("digest").GetString(), tags.GetProperty("items")[1].GetProperty("digest").GetString());
    }

    [Fact]
    public async Task Tag_filters_select_by_pattern_age_and_count_newest_first()
    {
        Assert.SkipUnless(DatedImages.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Anonymous);
        DatedImages.Push(registry,
            ("app/svc:release-1", Now.AddDays(-400)), ("app/svc:release-2", Now.AddDays(-3)), ("app/svc:release-3", Now.AddHours(-5)),
            ("app/svc:dev-9", Now.AddHours(-1)));
        using var api = fixture.Host.Api();

        async Task<string[]> TagsWith(object filters)
        {
            var id = await CreateAsync(api, registry, null, filters);
            return Names(await api.GetJsonAsync($"/api/v1/integrations/{id}/tags?repository=app/svc"), "tag");
        }

        Assert.Equal(["dev-9", "release-3", "release-2", "release-1"], await TagsWith(new { }));
        Assert.Equal(["release-3", "release-2", "release-1"], await TagsWith(new { tagPattern = "release-*" }));
        Assert.Equal(["release-2", "release-1"], await TagsWith(new { tagPattern = "^release-[12]$", tagPatternKind = "regex" }));
        Assert.Equal(["dev-9", "release-3"], await TagsWith(new { newestTags = 2 }));
        Assert.Equal(["dev-9", "release-3", "release-2"], await TagsWith(new { pushedWithinDays = 30 }));
        Assert.Equal(["release-3"], await TagsWith(new { tagPattern = "release-*", pushedWithinDays = 30, newestTags = 1 }));
    }

    [Fact]
    public async Task A_configured_repository_list_replaces_the_catalog()
    {
        Assert.SkipUnless(DatedImages.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Basic);
        DatedImages.Push(registry, ("team/api:1", Now), ("team/web:1", Now));
        using var api = fixture.Host.Api();
        var id = await CreateAsync(api, registry, RegistryServerFixture.Password, new { repositories = new[] { "team/web" }, flavour = "dockerhub" });

        var repositories = await api.GetJsonAsync($"/api/v1/integrations/{id}/repositories");
        var test = await api.PostJsonAsync($"/api/v1/integrations/{id}/test", new { });

        Assert.Equal(["team/web"], Names(repositories, "name"));
        Assert.True(test.GetProperty("success").GetBoolean(), test.GetProperty("message").GetString());
        Assert.Contains("team/web is readable", test.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_Hub_without_a_repository_list_is_refused_before_anything_is_stored()
    {
        using var api = fixture.Host.Api();
        using var response = await api.Http.PostAsJsonAsync("/api/v1/integrations", new
        {
            name = $"hub {Guid.NewGuid():N}", pluginId = "vigil.docker-registry", connectorType = "docker-registry",
            settings = new { registry = "127.0.0.1:1", flavour = "dockerhub" },
        }, VigilJson.Options);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("does not offer a catalog", problem.GetProperty("errors").GetProperty("repositories")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_test_with_the_reason_and_never_the_password()
    {
        Assert.SkipUnless(RegistryServerFixture.Available, "needs docker-registry");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Basic);
        using var api = fixture.Host.Api();
        var id = await CreateAsync(api, registry, "Wrong-Pa55word-XYZ");

        using var response = await api.Http.PostAsync($"/api/v1/integrations/{id}/test", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"success\":false", body, StringComparison.Ordinal);
        Assert.Contains("401", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Pa55word-XYZ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Pa55word-XYZ", fixture.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_credentials_let_the_scanner_client_pull_the_image()
    {
        Assert.SkipUnless(DatedImages.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Token);
        DatedImages.Push(registry, ("team/api:1", Now));
        using var api = fixture.Host.Api();
        var id = await CreateAsync(api, registry, RegistryServerFixture.Password);
        var service = fixture.Host.Services.GetRequiredService<IntegrationService>();

        var stored = (await service.GetWithSecretsAsync(id))!;
        var pull = await service.UseAsync<IRegistryConnector, RegistryPullCredentials>(stored, (c, ct) => c.GetPullCredentialsAsync("team/api", ct), "pull", default);
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Insecure = pull.Endpoint.Insecure,
            Credentials = _ => new RegistryCredentials(pull.Endpoint.Credentials!.Username, pull.Endpoint.Credentials.Secret),
        });
        var image = await client.ResolveImageAsync(new ImageReference(pull.Endpoint.Host, "team/api", "1", null), Vigil.Scanning.Sources.ImagePlatform.Default);

        Assert.Equal(registry.Host, pull.Endpoint.Host);
        Assert.NotEmpty(image.Layers);
    }

    internal static async Task<string> CreateAsync(VigilApiClient api, RegistryServerFixture registry, string? password, object? extra = null)
    {
        var settings = new Dictionary<string, object?> { ["registry"] = registry.Host, ["insecure"] = true };
        if (password is not null)
        {
            settings["username"] = RegistryServerFixture.Username;
            settings["password"] = password;
        }

        foreach (var property in JsonSerializer.SerializeToElement(extra ?? new { }).EnumerateObject())
        {
            settings[property.Name] = property.Value;
        }

        var created = await api.PostJsonAsync("/api/v1/integrations",
            new { name = $"registry {Guid.NewGuid():N}", pluginId = "vigil.docker-registry", connectorType = "docker-registry", settings });
        return created.GetProperty("id").GetString()!;
    }

    private static string[] Names(JsonElement page, string property) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(property).GetString()!).ToArray();

    /// <summary>The digest as skopeo (not Vigil's client) sees it.</summary>
    private static Task<string> ManifestDigestAsync(RegistryServerFixture registry, string repository, string tag)
    {
        var arguments = new List<string> { "inspect", "--tls-verify=false", "--format", "{{.Digest}}", $"docker://{registry.Host}/{repository}:{tag}" };
        if (registry.Mode != RegistryAuthMode.Anonymous)
        {
            arguments.Insert(1, $"--creds={RegistryServerFixture.Username}:{RegistryServerFixture.Password}");
        }

        return Task.FromResult(FixtureCache.Run(Path.GetTempPath(), "skopeo", [.. arguments]).Trim());
    }
}
