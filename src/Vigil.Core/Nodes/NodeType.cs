namespace Vigil.Core.Nodes;

/// <summary>What a node is (contracts §3: <c>host|container|image|application</c>).</summary>
public enum NodeType
{
    Host,
    Container,
    Image,
    Application,
}
