using Microsoft.Extensions.Options;
using Vigil.Core.Accounts;
using Vigil.Core.Configuration;

namespace Vigil.Dashboard.Accounts;

/// <summary>
/// Headless first start (contracts §1): with no users and <c>Vigil:Bootstrap:AdminEmail</c> + <c>AdminPassword</c>
/// set, creates that Admin, and with <c>Vigil:Bootstrap:ApiKey</c> an Admin API key of exactly that value.
/// Ignored, with a warning, once any user exists.
/// </summary>
public sealed class BootstrapService(IServiceScopeFactory scopes, UserDirectory directory, ApiKeyService keys, IOptions<VigilOptions> options, ILogger<BootstrapService> logger)
{
    public const string Actor = "bootstrap";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var bootstrap = options.Value.Bootstrap;
        if (!bootstrap.IsSet)
        {
            return;
        }

        if (await directory.AnyUserAsync(cancellationToken))
        {
            logger.LogWarning("Vigil:Bootstrap settings are ignored because users already exist; remove them from the configuration.");
            return;
        }

        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail) || string.IsNullOrWhiteSpace(bootstrap.AdminPassword))
        {
            throw new InvalidOperationException("Headless set-up needs both Vigil:Bootstrap:AdminEmail and Vigil:Bootstrap:AdminPassword.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var created = await accounts.CreateFirstAdminAsync(bootstrap.AdminEmail, bootstrap.AdminPassword, Actor);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Vigil:Bootstrap admin could not be created: " + string.Join(" ", created.Errors));
        }

        logger.LogInformation("Created the bootstrap Admin {Email}", bootstrap.AdminEmail);
        if (!string.IsNullOrWhiteSpace(bootstrap.ApiKey))
        {
            await keys.CreateAsync("bootstrap", Roles.Admin, expiresAt: null, Actor, bootstrap.ApiKey, cancellationToken);
            logger.LogInformation("Created the bootstrap Admin API key");
        }
    }
}
