namespace Vigil.Core.Scans;

/// <summary>How a person judged a finding (contracts §6).</summary>
public enum TriageState
{
    /// <summary>The risk is known and accepted.</summary>
    Accepted,

    /// <summary>The finding does not apply.</summary>
    FalsePositive,
}
