using System.Text.Json.Nodes;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Core.Policy;

/// <summary>
/// Adds marking references to <c>object_marking_refs</c>: TLP 2.0 markings (<see cref="WellKnownMarkings"/>), which
/// every node knows, and releasability statements (<see cref="ReleasabilityMarking"/>), whose definitions travel as
/// companions so the references resolve. Markings already present are not repeated; the existing order is kept and
/// new ones follow in the order given. Immutable and thread safe.
/// </summary>
public sealed class MarkingAddition : StixTransform
{
    private readonly string[] _ids;
    private readonly ReleasabilityMarking[] _statements;

    /// <summary>Creates the addition of <paramref name="markingIds"/> (marking-definition ids) and <paramref name="statements"/>.</summary>
    /// <exception cref="ArgumentException">An id is not a <c>marking-definition--UUID</c>.</exception>
    public MarkingAddition(IEnumerable<string> markingIds, IEnumerable<ReleasabilityMarking>? statements = null)
    {
        ArgumentNullException.ThrowIfNull(markingIds);
        _statements = [.. statements ?? []];
        var ids = new List<string>();
        foreach (var id in markingIds.Concat(_statements.Select(s => s.Id)))
        {
            Preconditions.CheckArgument(StixId.TryParse(id, out var parsed, out _) && parsed.Value.Type == "marking-definition", $"'{id}' is not a marking-definition id");
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        _ids = [.. ids];
    }

    /// <summary>The marking ids added, in order.</summary>
    public IReadOnlyList<string> MarkingIds => _ids;

    internal override void ApplyTo(JsonObject target, TransformContext context)
    {
        if (target["object_marking_refs"] is not JsonArray refs)
        {
            refs = [];
            target["object_marking_refs"] = refs;
        }

        foreach (var id in _ids)
        {
            if (!refs.Any(r => r is JsonValue v && v.TryGetValue(out string? s) && s == id))
            {
                refs.Add(id);
            }
        }

        foreach (var statement in _statements)
        {
            context.Companion(statement.Id, statement.Definition);
        }
    }
}
