namespace Vigil.Agent;

/// <summary>Process exit codes; systemd units use <see cref="CredentialRefused"/> to stop restarting a revoked agent.</summary>
public static class AgentExitCodes
{
    public const int Success = 0;

    /// <summary>Bad arguments, not enrolled, enrollment refused or the console unreachable during enrollment.</summary>
    public const int Error = 2;

    /// <summary>The console refused the agent's credential (revoked): retrying cannot help.</summary>
    public const int CredentialRefused = 3;
}
