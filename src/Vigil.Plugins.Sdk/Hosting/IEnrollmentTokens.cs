namespace Vigil.Plugins.Sdk.Hosting;

/// <summary>
/// Host service: creates agent enrollment tokens, e.g. for a cloud plugin that launches an instance with an agent.
/// Tokens are short-lived secrets; pass them to the instance and never log them.
/// </summary>
public interface IEnrollmentTokens
{
    /// <summary>Creates a token an agent exchanges for its credential.</summary>
    /// <param name="description">Shown in the console's token list, e.g. "AWS autoscaling group web".</param>
    /// <param name="lifetime">How long it stays valid (at most 30 days).</param>
    /// <param name="maxUses">How many agents may enroll with it (1–10000).</param>
    /// <param name="labels">Labels every node enrolled with it receives.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<EnrollmentTokenGrant> CreateAsync(string description, TimeSpan lifetime, int maxUses, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);
}
