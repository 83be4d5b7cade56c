using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Core.Accounts;

/// <summary>Read side of accounts: lists users for the Users page and answers "does any user exist yet".</summary>
public sealed class UserDirectory(IDbConnectionFactory db)
{
    private volatile bool _anyUserSeen;

    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken = default)
    {
        // Users are never all deleted once one exists, so a positive answer can be remembered.
        if (_anyUserSeen)
        {
            return true;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        _anyUserSeen = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users") > 0;
        return _anyUserSeen;
    }

    public async Task<IReadOnlyList<VigilUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<VigilUser>("SELECT * FROM users ORDER BY email")).ToList();
    }

    public async Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE role = @role AND disabled = @disabled", new { role = Roles.Admin, disabled = false });
    }

    public async Task MarkSignedInAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE users SET last_sign_in_at = @at WHERE id = @userId", new { at, userId });
    }
}
