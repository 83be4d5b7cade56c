namespace Vigil.Core.Nodes;

/// <summary>A node's connection state (contracts §3: <c>online|offline|removed</c>).</summary>
public enum NodeStatus
{
    Online,
    Offline,
    Removed,
}
