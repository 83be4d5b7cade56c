namespace Vigil.Scanning.Matching;

/// <summary>Whether a version falls inside an affected entry.</summary>
public enum RangeVerdict
{
    /// <summary>Outside every range and not listed.</summary>
    NotAffected,

    /// <summary>Inside a range or listed explicitly.</summary>
    Affected,

    /// <summary>The version or a range bound could not be ordered with the ecosystem's rules; reported, never dropped.</summary>
    NotComparable,
}
