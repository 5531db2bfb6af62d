using System.Text.Json.Nodes;

namespace Liaison.Core.Policy;

/// <summary>Finds every object that holds the leaf property of a path (through lists for <c>[*]</c>).</summary>
internal static class PathVisitor
{
    /// <summary>Calls <paramref name="visit"/> with each object holding <see cref="PropertyPath.LeafName"/>.</summary>
    public static void Visit<TState>(JsonObject root, PropertyPath path, TState state, Action<JsonObject, string, TState> visit) =>
        Visit(root, path, 0, state, visit);

    private static void Visit<TState>(JsonObject node, PropertyPath path, int k, TState state, Action<JsonObject, string, TState> visit)
    {
        var segments = path.Span;
        var name = segments[k].Name!;
        if (k == segments.Length - 1)
        {
            if (node.ContainsKey(name))
            {
                visit(node, name, state);
            }

            return;
        }

        var child = node[name];
        if (segments[k + 1].IsWildcard)
        {
            if (child is JsonArray list)
            {
                foreach (var element in list)
                {
                    if (element is JsonObject inner)
                    {
                        Visit(inner, path, k + 2, state, visit);
                    }
                }
            }
        }
        else if (child is JsonObject inner)
        {
            Visit(inner, path, k + 1, state, visit);
        }
    }
}
