using Vigil.Core.Scans;
using Vigil.Scanning.Reports;

namespace Vigil.Dashboard.Reports;

/// <summary>One scan ready to export: the scan, every finding as stored (with triage), and the scanner's report shape.</summary>
/// <param name="Scan">The scan.</param>
/// <param name="Findings">Every finding of the scan, worst first, each with the triage in force now.</param>
/// <param name="Report">Findings that count in <c>Findings</c>; triaged ones (accepted, false positive) in <c>Ignored</c>.</param>
public sealed record ScanExport(Scan Scan, IReadOnlyList<FindingRecord> Findings, ScanReport Report);
