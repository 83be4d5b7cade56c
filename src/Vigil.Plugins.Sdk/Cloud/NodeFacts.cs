using System.Text.Json;

namespace Vigil.Plugins.Sdk.Cloud;

/// <summary>What the console knows about a node, for <see cref="ICloudProvider.ResolveInstanceAsync"/>.</summary>
/// <param name="NodeId">Vigil's node id.</param>
/// <param name="Name">Node name.</param>
/// <param name="Labels">Node labels (an enrollment token created by a provider can carry its instance id here).</param>
/// <param name="Facts">The facts the agent last reported (hostname, OS, addresses, cloud instance metadata when enabled), as JSON.</param>
public sealed record NodeFacts(string NodeId, string Name, IReadOnlyDictionary<string, string> Labels, JsonElement Facts);
