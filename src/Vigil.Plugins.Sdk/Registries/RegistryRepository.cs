namespace Vigil.Plugins.Sdk.Registries;

/// <summary>A repository of a registry.</summary>
/// <param name="Name">Repository path, e.g. <c>team/api</c>.</param>
/// <param name="Image">Pullable reference without tag, <c>HOST[:PORT]/team/api</c>.</param>
public sealed record RegistryRepository(string Name, string Image);
