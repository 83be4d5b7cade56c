namespace Vigil.Scanning.Tests.Purls;

/// <summary>One entry of the purl specification's test suite.</summary>
public sealed record PurlSpecCase(
    string Description,
    string Purl,
    string? CanonicalPurl,
    string? Type,
    string? Namespace,
    string? Name,
    string? Version,
    IReadOnlyDictionary<string, string>? Qualifiers,
    string? Subpath,
    bool IsInvalid)
{
    // xunit shows this in test names, so each vector is identifiable in the runner's output.
    public override string ToString() => $"{Description}: {Purl}";
}
