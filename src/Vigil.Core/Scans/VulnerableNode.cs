using Vigil.Core.Events;

namespace Vigil.Core.Scans;

/// <summary>A node with its current findings by severity, triaged ones left out.</summary>
public sealed record VulnerableNode(string NodeId, string NodeName, string NodeType, ScanSummary Summary);
