namespace Vigil.Plugins.Sdk.Registries;

/// <summary>A registry request that failed: unreachable, refused, not found or an unreadable answer.</summary>
public sealed class RegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistryException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RegistryException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistryException()
    {
    }

    /// <summary>The HTTP status the registry answered, or null when it did not answer.</summary>
    public int? StatusCode { get; init; }
}
