using Microsoft.AspNetCore.Identity;

namespace Vigil.Dashboard.Accounts;

/// <summary>The outcome of an account change: success, not found, or the reasons it was refused.</summary>
public sealed record AccountResult(bool Succeeded, bool NotFound, IReadOnlyList<string> Errors)
{
    public static AccountResult Ok { get; } = new(true, false, []);

    public static AccountResult Missing { get; } = new(false, true, ["No such user."]);

    public static AccountResult Refused(params string[] errors) => new(false, false, errors);

    public static AccountResult From(IdentityResult result) =>
        result.Succeeded ? Ok : new(false, false, result.Errors.Select(e => e.Description).ToList());
}
