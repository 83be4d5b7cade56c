using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Dashboard.Hosting;
using Vigil.Dashboard.Security;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests;

/// <summary>
/// Every endpoint and hub the app maps, read from its endpoint data sources (never a hand list, so new endpoints are
/// covered automatically): anonymous callers are refused unless the endpoint says why it is open, and Viewers cannot
/// change state.
/// </summary>
public sealed class AuthorizationTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly string[] StateChanging = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Anonymous_callers_are_refused_everywhere_except_endpoints_marked_with_a_reason()
    {
        using var anonymous = fixture.Host.CreateClient();
        var checkedRequests = 0;
        var failures = new List<string>();

        foreach (var (endpoint, method, url) in Requests())
        {
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>();
            if (open is not null)
            {
                if (open is not AnonymousBecauseAttribute { Reason.Length: > 0 })
                {
                    failures.Add($"{method} {url} allows anonymous callers without a stated reason ({endpoint.DisplayName})");
                }

                continue;
            }

            using var response = await anonymous.SendAsync(Request(method, url));
            checkedRequests++;
            var refused = MachineCallers.IsMachinePath(new Microsoft.AspNetCore.Http.PathString(new Uri(fixture.Host.BaseAddress, url).AbsolutePath))
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) == true;
            if (!refused)
            {
                failures.Add($"{method} {url}: anonymous got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedRequests > 30, $"only {checkedRequests} requests checked: the enumeration lost endpoints");
    }

    [Fact]
    public async Task Viewers_cannot_change_state_or_read_admin_resources()
    {
        var (_, viewerKey) = await fixture.Host.Api().CreateApiKeyAsync("authz-viewer", "Viewer");
        using var viewer = fixture.Host.CreateClient(viewerKey);
        var checkedRequests = 0;
        var failures = new List<string>();

        foreach (var (endpoint, method, url) in Requests())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<HubMetadata>() is not null)
            {
                continue;
            }

            var selfService = endpoint.Metadata.GetMetadata<SelfServiceAttribute>();
            var adminOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is AccessPolicies.Administer or AccessPolicies.Operate);
            var changesState = StateChanging.Contains(method);
            if ((!changesState && !adminOnly) || selfService is not null)
            {
                Assert.True(selfService is null || selfService.Reason.Length > 0, $"{url} is self-service without a reason");
                continue;
            }

            using var response = await viewer.SendAsync(Request(method, url));
            checkedRequests++;
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            // A page's POST only renders the page's own forms; without an antiforgery token it is rejected before that.
            // Agent endpoints (the SBOM upload) admit the agent credential scheme only: a person's key is not even a
            // known identity there, so the answer is 401, not 403.
            var agentOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AgentAccess.Policy);
            var refused = agentOnly
                ? response.StatusCode == HttpStatusCode.Unauthorized && AgentPolicyAdmitsOnlyAgents()
                : response.StatusCode == HttpStatusCode.Forbidden || (isPage && !adminOnly && response.StatusCode == HttpStatusCode.BadRequest);
            if (!refused)
            {
                failures.Add($"{method} {url}: Viewer got {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedRequests > 10, $"only {checkedRequests} requests checked");
    }

    [Fact]
    public void Hubs_expose_no_method_a_Viewer_could_use_to_change_state()
    {
        // Vigil's own hubs; Blazor's circuit hub is covered by the fallback policy (anonymous test) and by each page's [Authorize].
        var hubs = Endpoints().Select(e => e.Metadata.GetMetadata<HubMetadata>()?.HubType).OfType<Type>()
            .Where(t => t.Assembly == typeof(Vigil.Dashboard.Hubs.UiHub).Assembly).Distinct().ToList();
        Assert.NotEmpty(hubs);
        foreach (var hub in hubs)
        {
            var classPolicy = hub.GetCustomAttribute<AuthorizeAttribute>();
            Assert.True(classPolicy is not null, $"{hub.Name} has no [Authorize]");
            foreach (var method in hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var policy = method.GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? classPolicy.Policy;
                // The agent hub is the one hub people never reach: its policy admits the agent credential scheme only
                // (checked below), so no user role (Viewer or otherwise) can call its methods at all.
                Assert.True(
                    policy is AccessPolicies.Operate or AccessPolicies.Administer || (policy == AgentAccess.Policy && AgentPolicyAdmitsOnlyAgents()),
                    $"{hub.Name}.{method.Name} is callable by Viewers");
            }
        }
    }

    [Fact]
    public async Task Viewer_keys_cannot_open_the_agent_hub()
    {
        var (_, viewerKey) = await fixture.Host.Api().CreateApiKeyAsync("authz-agent-hub", "Viewer");
        using var viewer = fixture.Host.CreateClient(viewerKey);

        using var response = await viewer.PostAsync($"{Vigil.Dashboard.Hubs.AgentHub.Route}/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(AgentPolicyAdmitsOnlyAgents());
    }

    private bool AgentPolicyAdmitsOnlyAgents()
    {
        var options = fixture.Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        var policy = options.GetPolicy(AgentAccess.Policy);
        return policy is not null && policy.AuthenticationSchemes.SequenceEqual([AgentAccess.Scheme]) &&
               policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement>().Any(r => r.ClaimType == AgentAccess.NodeIdClaim);
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        ((IEndpointRouteBuilder)fixture.Host.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();

    private IEnumerable<(RouteEndpoint Endpoint, string Method, string Url)> Requests()
    {
        foreach (var endpoint in Endpoints())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var url = Url(endpoint.RoutePattern);
            foreach (var method in methods is { Count: > 0 } ? methods : ["GET"])
            {
                yield return (endpoint, method, url);
            }
        }
    }

    private static string Url(RoutePattern pattern)
    {
        var builder = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            builder.Append('/');
            foreach (var part in segment.Parts)
            {
                builder.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => parameter.IsCatchAll ? "any/path" : "00000000000000000000000000000000",
                    _ => "",
                });
            }
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method is "GET" or "HEAD" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
    };
}
