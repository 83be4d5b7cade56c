namespace Vigil.Core.Accounts;

/// <summary>The three roles (architecture: Security). Each includes the rights of the ones below it.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Viewer];

    public static bool IsValid(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Canonical spelling of a role name given in any case, or null.</summary>
    public static string? Normalize(string? role) => All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="role"/> grants at least the rights of <paramref name="required"/>.</summary>
    public static bool Satisfies(string role, string required) => Rank(role) >= Rank(required);

    private static int Rank(string role) => role switch
    {
        Admin => 3,
        Operator => 2,
        Viewer => 1,
        _ => 0,
    };
}
