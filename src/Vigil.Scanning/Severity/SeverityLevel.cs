namespace Vigil.Scanning.Severity;

/// <summary>Severity levels in ascending order; <see cref="Unknown"/> is explicit and sorts lowest (contracts §3, §6).</summary>
public enum SeverityLevel
{
    /// <summary>No score could be derived from the advisory, its database fields or its aliases.</summary>
    Unknown = 0,

    /// <summary>CVSS 0.0.</summary>
    None = 1,

    /// <summary>CVSS 0.1–3.9.</summary>
    Low = 2,

    /// <summary>CVSS 4.0–6.9.</summary>
    Medium = 3,

    /// <summary>CVSS 7.0–8.9.</summary>
    High = 4,

    /// <summary>CVSS 9.0–10.0.</summary>
    Critical = 5,
}
