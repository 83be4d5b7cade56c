namespace Vigil.Scanning.Registry;

/// <summary>A user name and password (or token) for a registry's basic auth or token service.</summary>
/// <param name="Username">User name.</param>
/// <param name="Password">Password or access token.</param>
public sealed record RegistryCredentials(string Username, string Password)
{
    /// <inheritdoc />
    public override string ToString() => $"{Username}:***";
}
