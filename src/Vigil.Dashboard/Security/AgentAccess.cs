namespace Vigil.Dashboard.Security;

/// <summary>
/// How agents authenticate: a scheme and policy of their own, separate from people's roles. An agent credential never
/// opens the API or the UI hub, and a user's key or cookie never opens the agent hub.
/// </summary>
public static class AgentAccess
{
    public const string Scheme = "AgentCredential";

    /// <summary>Authenticated by <see cref="Scheme"/> only, with a node id claim.</summary>
    public const string Policy = "agent";

    /// <summary>The node the agent speaks for.</summary>
    public const string NodeIdClaim = "vigil:node";
}
