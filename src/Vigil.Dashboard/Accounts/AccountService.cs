using Microsoft.AspNetCore.Identity;
using Vigil.Core.Accounts;
using Vigil.Core.Events;

namespace Vigil.Dashboard.Accounts;

/// <summary>
/// Every change to user accounts, for the Users page, the setup page and the API alike. Each change records its
/// domain event in the same transaction (through <see cref="PendingEvents"/>), which the audit log shows.
/// </summary>
public sealed class AccountService(UserManager<VigilUser> users, UserDirectory directory, PendingEvents pending)
{
    /// <summary>Creates the first Admin; refused once any user exists.</summary>
    public async Task<AccountResult> CreateFirstAdminAsync(string email, string password, string actor)
    {
        if (await directory.AnyUserAsync())
        {
            return AccountResult.Refused("Vigil is already set up; sign in instead.");
        }

        return await CreateUserAsync(email, password, Roles.Admin, actor);
    }

    public async Task<AccountResult> CreateUserAsync(string email, string password, string role, string actor)
    {
        var canonicalRole = Roles.Normalize(role);
        if (canonicalRole is null)
        {
            return AccountResult.Refused($"Unknown role '{role}'. Use Admin, Operator or Viewer.");
        }

        var user = new VigilUser { Email = email.Trim(), Role = canonicalRole };
        pending.Add(new UserCreated(actor, user.Id, user.Email, canonicalRole));
        return Finish(await users.CreateAsync(user, password));
    }

    public async Task<AccountResult> ChangeRoleAsync(string userId, string role, string actor)
    {
        var canonicalRole = Roles.Normalize(role);
        if (canonicalRole is null)
        {
            return AccountResult.Refused($"Unknown role '{role}'. Use Admin, Operator or Viewer.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Missing;
        }

        if (user.Role == Roles.Admin && canonicalRole != Roles.Admin && !user.Disabled && await directory.CountActiveAdminsAsync() <= 1)
        {
            return AccountResult.Refused("This is the last active Admin; make another user Admin first.");
        }

        user.Role = canonicalRole;
        // A new stamp makes open sessions pick up the new role at their next validation.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        pending.Add(new UserChanged(actor, user.Id, user.Email, $"role set to {canonicalRole}"));
        return Finish(await users.UpdateAsync(user));
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, string actorId, string actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Missing;
        }

        if (disabled && user.Id == actorId)
        {
            return AccountResult.Refused("You cannot disable your own account.");
        }

        if (disabled && user.Role == Roles.Admin && !user.Disabled && await directory.CountActiveAdminsAsync() <= 1)
        {
            return AccountResult.Refused("This is the last active Admin; make another user Admin first.");
        }

        user.Disabled = disabled;
        // A new stamp signs the user out of every session at the next validation.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        pending.Add(new UserChanged(actor, user.Id, user.Email, disabled ? "disabled" : "enabled"));
        return Finish(await users.UpdateAsync(user));
    }

    public async Task<AccountResult> ResetPasswordAsync(string userId, string newPassword, string actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Missing;
        }

        var problems = await ValidatePasswordAsync(user, newPassword);
        if (problems.Count > 0)
        {
            return AccountResult.Refused([.. problems]);
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        pending.Add(new UserChanged(actor, user.Id, user.Email, "password reset"));
        return Finish(await users.UpdateAsync(user));
    }

    public async Task<AccountResult> ChangeOwnPasswordAsync(string userId, string currentPassword, string newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Missing;
        }

        pending.Add(new UserChanged(user.Email, user.Id, user.Email, "changed own password"));
        return Finish(await users.ChangePasswordAsync(user, currentPassword, newPassword));
    }

    private async Task<List<string>> ValidatePasswordAsync(VigilUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    private AccountResult Finish(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // Validation failed before anything was written: the recorded event did not happen.
            pending.Clear();
        }

        return AccountResult.From(result);
    }
}
