namespace Vigil.Scanning.Purls;

/// <summary>Thrown when a string is not a valid package URL; the message names the input and the rule it breaks.</summary>
public sealed class PackageUrlFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="purl"/> with the broken rule in <paramref name="reason"/>.</summary>
    public PackageUrlFormatException(string purl, string reason)
        : base($"invalid package URL '{purl}': {reason}")
    {
        Purl = purl;
        Reason = reason;
    }

    /// <summary>The rejected input.</summary>
    public string Purl { get; }

    /// <summary>Which rule of the purl specification the input breaks.</summary>
    public string Reason { get; }
}
