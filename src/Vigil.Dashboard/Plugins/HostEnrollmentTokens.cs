using Vigil.Core.Agents;
using Vigil.Plugins.Sdk.Hosting;

namespace Vigil.Dashboard.Plugins;

/// <summary>The SDK's <see cref="IEnrollmentTokens"/> for one plugin: tokens are created in its name (<c>plugin:ID</c>).</summary>
public sealed class HostEnrollmentTokens(EnrollmentTokenService tokens, TimeProvider time, string pluginId) : IEnrollmentTokens
{
    public async Task<EnrollmentTokenGrant> CreateAsync(
        string description, TimeSpan lifetime, int maxUses, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var created = await tokens.CreateAsync(description, time.GetUtcNow() + lifetime, maxUses, labels, $"plugin:{pluginId}", cancellationToken);
        return new EnrollmentTokenGrant(created.Record.Id, created.Token, created.Record.ExpiresAt);
    }
}
