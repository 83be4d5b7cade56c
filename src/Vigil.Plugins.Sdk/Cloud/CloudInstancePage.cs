namespace Vigil.Plugins.Sdk.Cloud;

/// <summary>One page of instances.</summary>
/// <param name="Items">Instances of this page.</param>
/// <param name="Next">Opaque cursor of the next page, or null on the last.</param>
public sealed record CloudInstancePage(IReadOnlyList<CloudInstance> Items, string? Next);
