namespace Vigil.Plugins.Sdk.Registries;

/// <summary>One page of a listing.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Next">Opaque cursor of the next page, or null on the last page.</param>
public sealed record RegistryPage<T>(IReadOnlyList<T> Items, string? Next);
