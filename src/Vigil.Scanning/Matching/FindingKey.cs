namespace Vigil.Scanning.Matching;

/// <summary>A finding's identity (contracts §6): advisory id, purl without qualifiers, location.</summary>
/// <param name="AdvisoryId">The primary advisory id.</param>
/// <param name="Purl">The component purl without qualifiers.</param>
/// <param name="Location">Where the component was found ("" when unknown).</param>
public sealed record FindingKey(string AdvisoryId, string Purl, string Location)
{
    /// <inheritdoc />
    public override string ToString() => $"{AdvisoryId}|{Purl}|{Location}";
}
