using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>ECR, ACR and GCR credential exchanges against protocol stand-ins on 127.0.0.1, through the loaded plugin.</summary>
public sealed class CloudCredentialTests(PluginsFixture fixture)
{
    [Fact]
    public async Task Ecr_signs_GetAuthorizationToken_and_uses_the_returned_login_on_the_registry()
    {
        Assert.SkipUnless(RegistryServerFixture.Available, "needs docker-registry");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Basic);
        await using var cloud = await CloudStandIn.StartAsync(RegistryServerFixture.Username, RegistryServerFixture.Password);
        using var api = fixture.Host.Api();

        var id = await DockerRegistryPluginTests.CreateAsync(api, registry, null, new
        {
            flavour = "ecr", awsAccessKeyId = CloudStandIn.AwsKeyId, awsSecretAccessKey = CloudStandIn.AwsSecret,
            awsRegion = CloudStandIn.Region, ecrApiUrl = cloud.Url("/ecr/"),
        });
        var test = await api.PostJsonAsync($"/api/v1/integrations/{id}/test", new { });

        Assert.True(test.GetProperty("success").GetBoolean(), test.GetProperty("message").GetString());
        Assert.Contains($"as {RegistryServerFixture.Username}", test.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ecr_with_a_wrong_secret_reports_the_services_refusal()
    {
        await using var cloud = await CloudStandIn.StartAsync("AWS", "unused");
        using var api = fixture.Host.Api();
        var created = await api.PostJsonAsync("/api/v1/integrations", new
        {
            name = $"ecr {Guid.NewGuid():N}", pluginId = "vigil.docker-registry", connectorType = "docker-registry",
            settings = new
            {
                registry = cloud.Host, insecure = true, flavour = "ecr", awsAccessKeyId = CloudStandIn.AwsKeyId,
                awsSecretAccessKey = "not-the-secret", awsRegion = CloudStandIn.Region, ecrApiUrl = cloud.Url("/ecr/"),
            },
        });

        var test = await api.PostJsonAsync($"/api/v1/integrations/{created.GetProperty("id").GetString()}/test", new { });

        Assert.False(test.GetProperty("success").GetBoolean());
        Assert.Contains("ECR GetAuthorizationToken refused (403", test.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", test.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acr_exchanges_a_service_principal_token_for_a_refresh_token()
    {
        await using var cloud = await CloudStandIn.StartAsync("AWS", "unused");
        var test = await TestAsync(cloud, new
        {
            registry = cloud.Host, insecure = true, flavour = "acr", azureTenantId = CloudStandIn.Tenant, azureClientId = CloudStandIn.ClientId,
            azureClientSecret = CloudStandIn.ClientSecret, azureTokenUrl = cloud.Url($"/entra/{CloudStandIn.Tenant}/oauth2/v2.0/token"),
        });

        Assert.True(test.GetProperty("success").GetBoolean(), test.GetProperty("message").GetString());
        Assert.Contains("as 00000000-0000-0000-0000-000000000000; the catalog lists 1 repository", test.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gcr_exchanges_a_signed_service_account_assertion_for_an_access_token()
    {
        await using var cloud = await CloudStandIn.StartAsync("AWS", "unused");
        var test = await TestAsync(cloud, new { registry = cloud.Host, insecure = true, flavour = "gcr", gcpServiceAccountKey = cloud.ServiceAccountKey });

        Assert.True(test.GetProperty("success").GetBoolean(), test.GetProperty("message").GetString());
        Assert.Contains("as oauth2accesstoken", test.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.JsonElement> TestAsync(CloudStandIn cloud, object settings)
    {
        using var api = fixture.Host.Api();
        var created = await api.PostJsonAsync("/api/v1/integrations",
            new { name = $"cloud {Guid.NewGuid():N}", pluginId = "vigil.docker-registry", connectorType = "docker-registry", settings });
        _ = cloud;
        return await api.PostJsonAsync($"/api/v1/integrations/{created.GetProperty("id").GetString()}/test", new { });
    }
}
