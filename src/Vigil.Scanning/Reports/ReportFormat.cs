namespace Vigil.Scanning.Reports;

/// <summary>Output formats of <c>vigil scan</c>.</summary>
public enum ReportFormat
{
    /// <summary>Human-readable table.</summary>
    Table,

    /// <summary>Vigil's JSON (issue 5's shape).</summary>
    Json,

    /// <summary>SARIF 2.1.0 for code scanning.</summary>
    Sarif,

    /// <summary>CycloneDX 1.6 with a <c>vulnerabilities</c> section (VEX).</summary>
    CycloneDx,
}
