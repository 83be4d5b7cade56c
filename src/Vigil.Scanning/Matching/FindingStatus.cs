namespace Vigil.Scanning.Matching;

/// <summary>How sure a finding is.</summary>
public enum FindingStatus
{
    /// <summary>The installed version is inside an affected range or listed.</summary>
    Affected,

    /// <summary>The version could not be ordered against the advisory's ranges; reported so nothing is silently dropped.</summary>
    VersionNotComparable,
}
