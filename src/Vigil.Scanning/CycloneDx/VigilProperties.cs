namespace Vigil.Scanning.CycloneDx;

/// <summary>CycloneDX property names Vigil writes (contracts §5) and the equivalents of other tools it reads.</summary>
public static class VigilProperties
{
    public const string SourceName = "vigil:source:name";
    public const string SourceVersion = "vigil:source:version";
    public const string Location = "vigil:location";

    internal const string TrivySourceName = "aquasecurity:trivy:SrcName";
    internal const string TrivySourceVersion = "aquasecurity:trivy:SrcVersion";
    internal const string TrivySourceRelease = "aquasecurity:trivy:SrcRelease";
    internal const string TrivySourceEpoch = "aquasecurity:trivy:SrcEpoch";
    internal const string TrivyFilePath = "aquasecurity:trivy:FilePath";
    internal const string SyftLocationPrefix = "syft:location:";
}
