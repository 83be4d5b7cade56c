namespace Vigil.Core.Accounts;

/// <summary>A person who signs in to the dashboard. One role per user.</summary>
public sealed class VigilUser
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString("N");
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string Role { get; set; } = Roles.Viewer;
    public bool Disabled { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastSignInAt { get; set; }
}
