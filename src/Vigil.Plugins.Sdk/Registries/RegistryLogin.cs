namespace Vigil.Plugins.Sdk.Registries;

/// <summary>A user name and secret (password, access token, refresh token) for a registry.</summary>
/// <param name="Username">User name; cloud registries use fixed names for token logins.</param>
/// <param name="Secret">Password or token.</param>
public sealed record RegistryLogin(string Username, string Secret)
{
    /// <summary>The user name only: logging a login never leaks its secret.</summary>
    public override string ToString() => $"{Username}:***";
}
