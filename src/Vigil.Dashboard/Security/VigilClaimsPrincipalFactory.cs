using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vigil.Core.Accounts;

namespace Vigil.Dashboard.Security;

/// <summary>Adds the user's role and how they signed in to the cookie's identity.</summary>
public sealed class VigilClaimsPrincipalFactory(UserManager<VigilUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<VigilUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(VigilUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(VigilClaims.AuthenticationMethod, "cookie"));
        return identity;
    }
}
