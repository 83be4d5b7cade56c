namespace Vigil.Scanning.CycloneDx;

/// <summary>Thrown when an SBOM document is not CycloneDX JSON of a supported version.</summary>
public sealed class SbomFormatException : Exception
{
    /// <summary>Creates the exception with a message naming what is wrong.</summary>
    public SbomFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
