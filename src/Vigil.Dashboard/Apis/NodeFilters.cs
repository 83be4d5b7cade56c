using Vigil.Core.Nodes;

namespace Vigil.Dashboard.Apis;

/// <summary>Parses the node type and status filters the node list and scan requests share.</summary>
public static class NodeFilters
{
    public static Dictionary<string, string[]> Parse(string? type, string? status, out NodeType? nodeType, out NodeStatus? nodeStatus)
    {
        var errors = new Dictionary<string, string[]>();
        nodeType = null;
        nodeStatus = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (Enum.TryParse<NodeType>(type, ignoreCase: true, out var parsed) && !int.TryParse(type, out _))
            {
                nodeType = parsed;
            }
            else
            {
                errors["type"] = ["Use host, container, image or application."];
            }
        }

        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<NodeStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                nodeStatus = parsed;
            }
            else
            {
                errors["status"] = ["Use online, offline or removed."];
            }
        }

        return errors;
    }
}
