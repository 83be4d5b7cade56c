namespace Vigil.Core.Events;

// Scan lifecycle events (contracts §4). Every one carries the scan id as `scanId`: the workflow engine correlates
// Wait for scan bookmarks on it. One file because each is a one-line record.

/// <summary>Severity counts as events carry them; the same five fields as the scanner's <c>SeveritySummary</c> (contracts §6).</summary>
public sealed record ScanSummary(int Critical, int High, int Medium, int Low, int Unknown)
{
    public static readonly ScanSummary Empty = new(0, 0, 0, 0, 0);

    public int Total => Critical + High + Medium + Low + Unknown;
}

/// <summary>A scan was accepted for a node and waits for its agent (or the console's own scanner).</summary>
public sealed record ScanQueued(string ScanId, string NodeId, string NodeName, string RequestedBy) : DomainEvent;

/// <summary>The scanner picked the scan up.</summary>
public sealed record ScanStarted(string ScanId, string NodeId, string NodeName) : DomainEvent;

/// <summary>Progress for live views only: never a workflow trigger, a notification or an audit entry.</summary>
public sealed record ScanProgressed(string ScanId, string NodeId, string Stage, int Percent) : DomainEvent;

/// <summary>The SBOM was matched against feed snapshot <paramref name="SnapshotId"/> and the findings stored.</summary>
public sealed record ScanCompleted(string ScanId, string NodeId, string NodeName, ScanSummary Summary, string SnapshotId) : DomainEvent;

/// <summary>The scan ended without findings; <paramref name="Error"/> says why in words a user can act on.</summary>
public sealed record ScanFailed(string ScanId, string NodeId, string NodeName, string Error) : DomainEvent;

/// <summary>A person, a flow or an API caller cancelled the scan.</summary>
public sealed record ScanCancelled(string ScanId, string NodeId, string NodeName, string By) : DomainEvent;
