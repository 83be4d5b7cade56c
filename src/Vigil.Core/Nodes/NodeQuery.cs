namespace Vigil.Core.Nodes;

/// <summary>
/// Filters and paging of the node list; null filters match everything. <c>Label</c> is a <c>key=value</c> pair, or a
/// bare <c>key</c> meaning "has this label"; <c>Search</c> matches part of the name, ignoring case.
/// </summary>
public sealed record NodeQuery(NodeType? Type = null, NodeStatus? Status = null, string? Label = null, string? Search = null, int Skip = 0, int Take = 50)
{
    public const int MaxTake = 500;
}
