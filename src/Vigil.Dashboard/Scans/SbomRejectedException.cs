namespace Vigil.Dashboard.Scans;

/// <summary>An uploaded SBOM was refused; the message says why in the caller's terms, the status is the HTTP answer.</summary>
public sealed class SbomRejectedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
