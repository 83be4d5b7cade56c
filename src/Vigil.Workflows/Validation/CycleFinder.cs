namespace Vigil.Workflows.Validation;

/// <summary>Strongly connected components of the activity graph (Tarjan), i.e. the loops of a flow.</summary>
internal static class CycleFinder
{
    /// <summary>Every set of activities that lie on a common loop (including an activity connected to itself).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindLoops(IReadOnlyList<string> nodes, ILookup<string, string> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var loops = new List<IReadOnlyList<string>>();
        var next = 0;

        // Iterative to stay safe on very large flows (200+ activities from the designer).
        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, IEnumerator<string> Children)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, children) = work.Peek();
                if (children.MoveNext())
                {
                    var child = children.Current;
                    if (!index.ContainsKey(child))
                    {
                        Visit(child);
                    }
                    else if (onStack.Contains(child))
                    {
                        low[node] = Math.Min(low[node], index[child]);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);

                    if (component.Count > 1 || edges[node].Contains(node))
                    {
                        component.Reverse();
                        loops.Add(component);
                    }
                }
            }

            void Visit(string node)
            {
                index[node] = low[node] = next++;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, edges[node].Distinct().GetEnumerator()));
            }
        }

        return loops;
    }
}
