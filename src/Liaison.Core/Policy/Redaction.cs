using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Liaison.Core.Policy;

/// <summary>
/// Removes properties by <see cref="PropertyPath"/> (top level, nested, inside extensions and inside lists) without
/// ever producing an object STIX rejects because of the removal.
/// </summary>
/// <remarks>
/// <para>Rules, in order of precedence:</para>
/// <list type="bullet">
/// <item>A path that is absent from an object changes nothing; a path that meets the wrong shape (a list where it
/// names a property, an object where it says <c>[*]</c>) is an error, so a mistyped clause fails closed.</item>
/// <item>Removing a property STIX (or the Liaison extension schema) requires where it sits — <c>name</c> of an
/// identity, <c>source_ref</c> of a claim, an object's own <c>id</c>, the extension a Liaison object type must declare —
/// is an error of the clause: the object is not produced. A list that a redaction empties counts as removed.</item>
/// <item>A list element left without any member of an "at least one of" group (an external reference without
/// <c>description</c>, <c>url</c> and <c>external_id</c>) is dropped whole: it would be invalid, and what is left (a bare
/// source name) is less than what it pointed to. Outside a list, such a loss is an error.</item>
/// <item>A list left empty is removed (STIX forbids empty lists); so is an <c>extensions</c> dictionary left empty.</item>
/// <item>A location's <c>latitude</c> and <c>longitude</c> go together: redacting one removes both, and
/// <c>precision</c> with them; a location left with neither coordinates, region nor country is an error.</item>
/// </list>
/// <para>Immutable and thread safe; what a path requires is worked out once per object type.</para>
/// </remarks>
public sealed partial class Redaction : StixTransform
{
    private const string Name = "redact";
    private const int MaxCachedTypes = 1024;

    private readonly PropertyPath[] _paths;
    private readonly ConcurrentDictionary<string, PathPlan[]> _plans = new(StringComparer.Ordinal);

    /// <summary>Creates a redaction of the given paths (duplicates are ignored).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of them is null.</exception>
    public Redaction(IEnumerable<PropertyPath> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = [.. paths.Distinct()];
        foreach (var path in _paths)
        {
            ArgumentNullException.ThrowIfNull(path, nameof(paths));
        }
    }

    /// <summary>Parses each path and creates the redaction; throws <see cref="FormatException"/> on the first malformed one.</summary>
    public static Redaction Of(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new Redaction(paths.Select(PropertyPath.Parse));
    }

    /// <summary>The paths removed.</summary>
    public IReadOnlyList<PropertyPath> Paths => _paths;

    internal override void ApplyTo(JsonObject target, TransformContext context)
    {
        var type = target["type"] is JsonValue t && t.TryGetValue(out string? s) ? s : "";
        // One plan per object type; custom types are open-ended, so past a bound plans are made and not kept.
        if (!_plans.TryGetValue(type, out var plans))
        {
            plans = [.. _paths.Select(p => PathPlan.For(type, p))];
            if (_plans.Count < MaxCachedTypes)
            {
                _plans.TryAdd(type, plans);
            }
        }

        for (var p = 0; p < plans.Length; p++)
        {
            var plan = plans[p];
            var drop = false;
            Walk(target, plan, 0, isListElement: false, ref drop, context);
        }

        if (type == "location")
        {
            CheckLocation(target, context);
        }
    }

    private static void Walk(JsonObject node, PathPlan plan, int k, bool isListElement, ref bool dropNode, TransformContext context)
    {
        var segments = plan.Path.Span;
        var name = segments[k].Name!;
        if (k == segments.Length - 1)
        {
            if (!node.ContainsKey(name))
            {
                return;
            }

            if (plan.Steps[k].RequiredReason is { } reason)
            {
                context.Error(Name, plan.Path.Text, reason);
                return;
            }

            node.Remove(name);
            if (plan.Steps[k].Partner is { } partner)
            {
                node.Remove(partner);
                node.Remove("precision");
            }

            CheckGroups(node, plan, k, isListElement, ref dropNode, context);
            return;
        }

        if (node[name] is not { } child)
        {
            return;
        }

        if (segments[k + 1].IsWildcard)
        {
            if (child is not JsonArray list)
            {
                // Fail closed: a path that does not match the object's shape would otherwise leak silently.
                context.Error(Name, plan.Path.Text, $"'{name}' is not a list here, so [*] cannot follow it");
                return;
            }

            var before = list.Count;
            var errors = context.ErrorCount;
            for (var e = list.Count - 1; e >= 0 && context.ErrorCount == errors; e--)
            {
                var drop = false;
                if (list[e] is JsonObject element)
                {
                    Walk(element, plan, k + 2, isListElement: true, ref drop, context);
                }

                if (drop)
                {
                    list.RemoveAt(e);
                }
            }

            if (list.Count == 0 && before > 0)
            {
                if (plan.Steps[k].RequiredReason is { } reason)
                {
                    context.Error(Name, plan.Path.Text, $"every element of '{name}' would be removed, and {reason}");
                    return;
                }

                node.Remove(name);
                CheckGroups(node, plan, k, isListElement, ref dropNode, context);
            }

            return;
        }

        if (child is JsonArray)
        {
            context.Error(Name, plan.Path.Text, $"'{name}' is a list here; write {name}[*] to reach into its elements");
            return;
        }

        if (child is JsonObject inner)
        {
            Walk(inner, plan, k + 1, isListElement: false, ref dropNode, context);
            if (name == "extensions" && k == 0 && inner.Count == 0)
            {
                node.Remove(name);
            }
        }
    }

    private static void CheckGroups(JsonObject node, PathPlan plan, int k, bool isListElement, ref bool dropNode, TransformContext context)
    {
        foreach (var group in plan.Steps[k].Groups)
        {
            if (!group.Any(node.ContainsKey))
            {
                if (isListElement)
                {
                    dropNode = true;
                }
                else
                {
                    context.Error(Name, plan.Path.Text, $"the object must keep at least one of {string.Join(", ", group)}");
                }

                return;
            }
        }
    }

    private static void CheckLocation(JsonObject location, TransformContext context)
    {
        if (!location.ContainsKey("region") && !location.ContainsKey("country")
            && !(location.ContainsKey("latitude") && location.ContainsKey("longitude")))
        {
            context.Error(Name, "latitude", "a location must keep region, country, or latitude and longitude; redact fewer of them or coarsen instead");
        }
    }
}
