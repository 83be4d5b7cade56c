namespace Vigil.Workflows.Contracts;

/// <summary>What Remove node does to the machine behind a node.</summary>
public enum NodeRemovalMode
{
    /// <summary>Isolate it through its cloud connector (security group, cordon, …).</summary>
    Quarantine,

    /// <summary>Terminate it through its cloud connector.</summary>
    Terminate,

    /// <summary>Only mark the node removed in Vigil (no connector call).</summary>
    MarkRemoved,
}
