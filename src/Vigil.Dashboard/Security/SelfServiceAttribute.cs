namespace Vigil.Dashboard.Security;

/// <summary>
/// Marks a state-changing endpoint that every role may call because it changes only the caller's own account
/// (their password). The authorization test exempts these from "Viewers cannot change state", and only these.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SelfServiceAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
