namespace Vigil.Plugins.Sdk.Cloud;

/// <summary>An instance (virtual machine, pod, process) as a cloud provider reports it.</summary>
/// <param name="Id">Provider's id, e.g. <c>i-0abc…</c>.</param>
/// <param name="Name">Display name (a Name tag, the pod name), or the id.</param>
/// <param name="State">Provider's state in lower case, e.g. <c>running</c>, <c>stopped</c>, <c>terminated</c>.</param>
/// <param name="Location">Region, zone or cluster, or null.</param>
/// <param name="Addresses">IP addresses and DNS names.</param>
/// <param name="Tags">Tags or labels.</param>
public sealed record CloudInstance(
    string Id,
    string Name,
    string State,
    string? Location,
    IReadOnlyList<string> Addresses,
    IReadOnlyDictionary<string, string> Tags);
