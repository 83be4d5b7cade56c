using Vigil.Core.Accounts;

namespace Vigil.Dashboard.Security;

/// <summary>Named authorization policies, one per role level; checked in one place (endpoint metadata).</summary>
public static class AccessPolicies
{
    /// <summary>Read anything: Viewer, Operator, Admin.</summary>
    public const string Read = "read";

    /// <summary>Run scans and schedules: Operator, Admin.</summary>
    public const string Operate = "operate";

    /// <summary>Users, keys, plugins, credentials, workflows: Admin.</summary>
    public const string Administer = "administer";

    public static string[] RolesFor(string policy) => policy switch
    {
        Read => [Roles.Admin, Roles.Operator, Roles.Viewer],
        Operate => [Roles.Admin, Roles.Operator],
        Administer => [Roles.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy."),
    };
}
