namespace Vigil.Plugins.Sdk.Registries;

/// <summary>A Registry v2 endpoint and how to authenticate to it.</summary>
/// <param name="Host">Host and optional port, e.g. <c>registry.example.com</c> or <c>127.0.0.1:5000</c>; no scheme.</param>
/// <param name="Insecure">Plain HTTP instead of HTTPS. Only for registries on a trusted network or loopback.</param>
/// <param name="Credentials">User name and password or token for basic auth and the token service; null for anonymous.</param>
public sealed record RegistryEndpoint(string Host, bool Insecure, RegistryLogin? Credentials);
