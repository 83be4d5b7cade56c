namespace Vigil.Core.Nodes;

/// <summary>How node enums are spelled in the database: the same lowercase words as the JSON (contracts §3).</summary>
public static class NodeStorage
{
    public static string StatusText(NodeStatus status) => status.ToString().ToLowerInvariant();

    public static string TypeText(NodeType type) => type.ToString().ToLowerInvariant();

    public static NodeStatus ParseStatus(string text) => Enum.Parse<NodeStatus>(text, ignoreCase: true);

    public static NodeType ParseType(string text) => Enum.Parse<NodeType>(text, ignoreCase: true);
}
