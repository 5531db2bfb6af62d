using System.Text.Json.Nodes;
using Liaison.Core.Validation;

namespace Liaison.Core.Agreements;

/// <summary>
/// Makes a sanitised object safe to leave: its id becomes the released id, and every reference (<c>*_ref</c> and
/// <c>*_refs</c> properties at any depth, in extensions and lists too) either points to what the partner has or will
/// have with it, or is removed. No internal id survives.
/// </summary>
/// <remarks>
/// Kept as they are: the well-known TLP markings, extension definitions (public, the same on every node) and the
/// companions a transform produced (pseudonymous identities, releasability statements). Any other reference is mapped
/// by the resolver or, when it has no released counterpart, removed — a list that loses every element goes, and a
/// granular marking that loses its marking goes whole. The caller validates the result: an object that cannot stand
/// without a removed reference is held, not released.
/// </remarks>
public static class ReferenceRewriter
{
    /// <summary>Rewrites <paramref name="target"/> in place.</summary>
    /// <param name="target">The sanitised copy (owned by the caller).</param>
    /// <param name="releasedId">The object's released id.</param>
    /// <param name="keep">Ids that stay as they are (the transform's companions).</param>
    /// <param name="resolve">The released id of an internal id the partner has (or receives in the same release), else null.</param>
    /// <returns>The internal ids that had no released counterpart and were removed, in order met.</returns>
    public static IReadOnlyList<string> Rewrite(JsonObject target, string releasedId, IReadOnlySet<string> keep, Func<string, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(target);
        var unresolved = new List<string>();
        target["id"] = releasedId;
        Visit(target, keep, resolve, unresolved);
        return unresolved;
    }

    private static void Visit(JsonObject node, IReadOnlySet<string> keep, Func<string, string?> resolve, List<string> unresolved)
    {
        foreach (var name in node.Select(p => p.Key).ToList())
        {
            var value = node[name];
            if (name.EndsWith("_ref", StringComparison.Ordinal) && value is JsonValue single && single.TryGetValue(out string? id))
            {
                if (Map(id, keep, resolve, unresolved) is { } mapped)
                {
                    node[name] = mapped;
                }
                else
                {
                    node.Remove(name);
                }
            }
            else if (name.EndsWith("_refs", StringComparison.Ordinal) && value is JsonArray list)
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (list[i] is JsonValue item && item.TryGetValue(out string? element))
                    {
                        if (Map(element, keep, resolve, unresolved) is { } mapped)
                        {
                            list[i] = mapped;
                        }
                        else
                        {
                            list.RemoveAt(i);
                        }
                    }
                }

                if (list.Count == 0)
                {
                    node.Remove(name);
                }
            }
            else if (value is JsonObject child)
            {
                Visit(child, keep, resolve, unresolved);
            }
            else if (value is JsonArray array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonObject element)
                    {
                        var marked = element.ContainsKey("marking_ref");
                        Visit(element, keep, resolve, unresolved);
                        if (name == "granular_markings" && marked && !element.ContainsKey("marking_ref"))
                        {
                            array.RemoveAt(i);
                        }
                    }
                }

                if (array.Count == 0 && name == "granular_markings")
                {
                    node.Remove(name);
                }
            }
        }
    }

    private static string? Map(string id, IReadOnlySet<string> keep, Func<string, string?> resolve, List<string> unresolved)
    {
        if (keep.Contains(id) || WellKnownMarkings.IsWellKnown(id) || id.StartsWith("extension-definition--", StringComparison.Ordinal))
        {
            return id;
        }

        var mapped = resolve(id);
        if (mapped is null)
        {
            unresolved.Add(id);
        }

        return mapped;
    }
}
