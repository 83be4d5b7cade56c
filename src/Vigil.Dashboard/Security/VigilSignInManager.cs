using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vigil.Core.Accounts;

namespace Vigil.Dashboard.Security;

/// <summary>Identity's sign-in manager, refusing disabled users.</summary>
public sealed class VigilSignInManager(
    UserManager<VigilUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<VigilUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<VigilUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<VigilUser> confirmation)
    : SignInManager<VigilUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(VigilUser user) => !user.Disabled && await base.CanSignInAsync(user);
}
