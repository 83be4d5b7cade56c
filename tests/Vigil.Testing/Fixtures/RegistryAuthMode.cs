namespace Vigil.Testing.Fixtures;

/// <summary>How the test registry authenticates pulls and pushes.</summary>
public enum RegistryAuthMode
{
    /// <summary>No authentication.</summary>
    Anonymous,

    /// <summary>HTTP basic auth against an htpasswd (bcrypt) file.</summary>
    Basic,

    /// <summary>Bearer tokens from <see cref="TestTokenServer"/>, the Docker token flow.</summary>
    Token,
}
