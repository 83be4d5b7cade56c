namespace Vigil.Dashboard.Registries;

/// <summary>A registry scan request that cannot be served: <see cref="Status"/> is the HTTP status the API answers with.</summary>
public sealed class RegistryScanException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
