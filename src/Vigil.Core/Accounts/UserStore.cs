using Dapper;
using Microsoft.AspNetCore.Identity;
using Vigil.Core.Events;
using Vigil.Core.Storage;

namespace Vigil.Core.Accounts;

/// <summary>ASP.NET Core Identity's user store over Dapper (no Entity Framework). Roles live on the user row.</summary>
public sealed class UserStore(IDbConnectionFactory db, EventOutbox outbox, PendingEvents pending) :
    IUserPasswordStore<VigilUser>,
    IUserEmailStore<VigilUser>,
    IUserSecurityStampStore<VigilUser>,
    IUserLockoutStore<VigilUser>,
    IUserRoleStore<VigilUser>
{
    private const string SelectUser = "SELECT * FROM users";

    public async Task<IdentityResult> CreateAsync(VigilUser user, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO users (id, email, normalized_email, password_hash, security_stamp, concurrency_stamp, role, disabled,
                               lockout_end, access_failed_count, created_at, last_sign_in_at)
            VALUES (@Id, @Email, @NormalizedEmail, @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @Role, @Disabled,
                    @LockoutEnd, @AccessFailedCount, @CreatedAt, @LastSignInAt)
            """,
            user,
            transaction);
        await CommitWithPendingEventsAsync(connection, transaction, cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(VigilUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE users SET email = @Email, normalized_email = @NormalizedEmail, password_hash = @PasswordHash,
                   security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, role = @Role, disabled = @Disabled,
                   lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount, last_sign_in_at = @LastSignInAt
            WHERE id = @Id AND concurrency_stamp = @expected
            """,
            new
            {
                user.Email, user.NormalizedEmail, user.PasswordHash, user.SecurityStamp, user.ConcurrencyStamp, user.Role,
                user.Disabled, user.LockoutEnd, user.AccessFailedCount, user.LastSignInAt, user.Id, expected,
            },
            transaction);
        if (changed == 0)
        {
            user.ConcurrencyStamp = expected;
            pending.Clear();
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        await CommitWithPendingEventsAsync(connection, transaction, cancellationToken);
        return IdentityResult.Success;
    }

    private async Task CommitWithPendingEventsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        var events = pending.Drain();
        foreach (var domainEvent in events)
        {
            await outbox.AppendAsync(connection, transaction, domainEvent);
        }

        await transaction.CommitAsync(cancellationToken);
        if (events.Count > 0)
        {
            outbox.Committed();
        }
    }

    public async Task<IdentityResult> DeleteAsync(VigilUser user, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM users WHERE id = @Id", new { user.Id });
        return IdentityResult.Success;
    }

    public async Task<VigilUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VigilUser>(SelectUser + " WHERE id = @userId", new { userId });
    }

    public async Task<VigilUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        await FindByEmailAsync(normalizedUserName, cancellationToken);

    public async Task<VigilUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VigilUser>(SelectUser + " WHERE normalized_email = @normalizedEmail", new { normalizedEmail });
    }

    // The email is the user name.
    public Task<string> GetUserIdAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);
    public Task<string?> GetUserNameAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);
    public Task SetUserNameAsync(VigilUser user, string? userName, CancellationToken cancellationToken) => SetEmailAsync(user, userName, cancellationToken);
    public Task<string?> GetNormalizedUserNameAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedUserNameAsync(VigilUser user, string? normalizedName, CancellationToken cancellationToken) => SetNormalizedEmailAsync(user, normalizedName, cancellationToken);

    public Task SetEmailAsync(VigilUser user, string? email, CancellationToken cancellationToken)
    {
        user.Email = email ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);
    public Task<bool> GetEmailConfirmedAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(true);
    public Task SetEmailConfirmedAsync(VigilUser user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<string?> GetNormalizedEmailAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(VigilUser user, string? normalizedEmail, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedEmail ?? "";
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(VigilUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(VigilUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(VigilUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(VigilUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult(true);
    public Task SetLockoutEnabledAsync(VigilUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddToRoleAsync(VigilUser user, string roleName, CancellationToken cancellationToken)
    {
        user.Role = Roles.Normalize(roleName) ?? throw new ArgumentException($"Unknown role '{roleName}'.", nameof(roleName));
        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(VigilUser user, string roleName, CancellationToken cancellationToken)
    {
        if (string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase))
        {
            user.Role = Roles.Viewer;
        }

        return Task.CompletedTask;
    }

    public Task<IList<string>> GetRolesAsync(VigilUser user, CancellationToken cancellationToken) => Task.FromResult<IList<string>>([user.Role]);

    public Task<bool> IsInRoleAsync(VigilUser user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase));

    public async Task<IList<VigilUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<VigilUser>(SelectUser + " WHERE role = @roleName", new { roleName })).ToList();
    }

    public void Dispose()
    {
        // Connections are opened and closed per call.
    }
}
