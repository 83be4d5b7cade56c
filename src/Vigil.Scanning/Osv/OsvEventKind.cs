namespace Vigil.Scanning.Osv;

/// <summary>The OSV range event kinds.</summary>
public enum OsvEventKind
{
    /// <summary>The version from which the range is affected.</summary>
    Introduced,

    /// <summary>The first version no longer affected.</summary>
    Fixed,

    /// <summary>The last version still affected.</summary>
    LastAffected,

    /// <summary>An upper bound (exclusive) on the range.</summary>
    Limit,
}
