using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Vigil.Core;
using Vigil.Core.Accounts;
using Vigil.Core.Agents;
using Vigil.Core.Events;
using Vigil.Core.Json;
using Vigil.Dashboard.Accounts;
using Vigil.Dashboard.Apis;
using Vigil.Dashboard.Cloud;
using Vigil.Dashboard.Feeds;
using Vigil.Dashboard.Hubs;
using Vigil.Dashboard.Notifications;
using Vigil.Dashboard.Plugins;
using Vigil.Dashboard.Scans;
using Vigil.Dashboard.Scheduling;
using Vigil.Dashboard.Registries;
using Vigil.Dashboard.Security;
using Vigil.Dashboard.Wall;
using Vigil.Dashboard.Workflows;

namespace Vigil.Dashboard.Hosting;

public static class DashboardServices
{
    /// <summary>Everything the console needs: core storage and accounts, security, API, UI and live updates.</summary>
    public static WebApplicationBuilder AddVigilDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddVigilCore(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(new StartInfo(DateTimeOffset.UtcNow));
        services.AddSingleton<HealthReporter>();
        services.AddVigilFeeds();

        services.AddVigilIdentity();
        services.AddScoped<AccountService>();
        services.AddSingleton<BootstrapService>();

        services.Configure<JsonOptions>(o => VigilJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding errors (malformed JSON) reach the exception handler, which answers with the parser's own words.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer<VigilOpenApiDocument>());

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        // Bottom right: at the default top right, snackbars covered the page header's buttons.
        services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

        services.AddSignalR().AddJsonProtocol(o => VigilJson.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<UiEventStream>();
        services.AddSingleton<IDomainEventSubscriber>(sp => sp.GetRequiredService<UiEventStream>());
        services.AddHostedService(sp => sp.GetRequiredService<UiEventStream>());
        services.AddVigilScheduling(builder.Configuration);
        services.AddVigilWorkflowConsole();
        services.AddVigilAgentChannel();
        services.AddVigilScans();
        services.AddVigilWall();
        services.AddVigilPlugins();
        services.AddVigilNotifications(builder.Configuration);
        services.AddVigilCloud(builder.Configuration);
        services.AddVigilRegistries();
        return builder;
    }

    /// <summary>Enrollment, node inventory, the agent hub's own authentication and the enrollment rate limit.</summary>
    private static void AddVigilAgentChannel(this IServiceCollection services)
    {
        services.AddVigilAgents();
        services.AddSingleton<AgentConnections>();
        services.AddSingleton<AgentClocks>();
        services.AddSingleton<IDomainEventSubscriber, RevokedAgentDisconnector>();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AgentCredentialAuthenticationHandler>(AgentAccess.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AgentAccess.Policy, p => p.AddAuthenticationSchemes(AgentAccess.Scheme).RequireClaim(AgentAccess.NodeIdClaim));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AgentEnrollmentApi.RateLimitPolicy, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentOptions>>().Value.EnrollmentsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    private static void AddVigilIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = VigilClaims.SmartScheme;
                o.DefaultChallengeScheme = VigilClaims.SmartScheme;
            })
            .AddPolicyScheme(VigilClaims.SmartScheme, "API key or cookie", o =>
                o.ForwardDefaultSelector = ctx => BearerToken.From(ctx.Request) is null ? IdentityConstants.ApplicationScheme : VigilClaims.ApiKeyScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(VigilClaims.ApiKeyScheme, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "vigil.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => MachineCallers.StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => MachineCallers.StatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        // A disabled user or a reset password invalidates existing cookies within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddIdentityCore<VigilUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddUserStore<UserStore>()
            .AddSignInManager<VigilSignInManager>()
            .AddClaimsPrincipalFactory<VigilClaimsPrincipalFactory>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccessPolicies.Read, p => p.RequireRole(AccessPolicies.RolesFor(AccessPolicies.Read)))
            .AddPolicy(AccessPolicies.Operate, p => p.RequireRole(AccessPolicies.RolesFor(AccessPolicies.Operate)))
            .AddPolicy(AccessPolicies.Administer, p => p.RequireRole(AccessPolicies.RolesFor(AccessPolicies.Administer)));
        services.AddAntiforgery(o => o.Cookie.Name = "vigil.af");
    }
}
