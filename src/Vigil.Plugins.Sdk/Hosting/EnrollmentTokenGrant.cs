namespace Vigil.Plugins.Sdk.Hosting;

/// <summary>A created enrollment token.</summary>
/// <param name="Id">Token id (for revocation in the console).</param>
/// <param name="Token">The secret; exists only here.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record EnrollmentTokenGrant(string Id, string Token, DateTimeOffset ExpiresAt)
{
    /// <summary>The id only: logging a grant never leaks its token.</summary>
    public override string ToString() => $"enrollment token {Id} (expires {ExpiresAt:u})";
}
