using System.Text.Json;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Ingest;

/// <summary>
/// Decides whether the marking definitions an object refers to exist: a standard TLP marking, one seen in the same
/// input (file, envelope, page), or one already stored. One instance per input; not thread safe.
/// </summary>
public sealed class MarkingResolver(SqliteStixStore store)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Records a marking definition of the input, so objects referring to it resolve.</summary>
    public void Saw(StixObject stixObject)
    {
        if (stixObject.Type == "marking-definition")
        {
            _known.Add(stixObject.Id.Value);
        }
    }

    /// <summary>Whether every marking id resolves.</summary>
    public bool AllResolved(IReadOnlyList<string> markingRefs) => FirstUnresolved(markingRefs) is null;

    /// <summary>The first marking id that does not resolve, or null when all do.</summary>
    public string? FirstUnresolved(IReadOnlyList<string> markingRefs)
    {
        ArgumentNullException.ThrowIfNull(markingRefs);
        foreach (var id in markingRefs)
        {
            if (!IsResolved(id))
            {
                return id;
            }
        }

        return null;
    }

    internal StixError[] Unresolved(PreparedObject item)
    {
        var errors = new List<StixError>();
        foreach (var (path, id) in MarkingPaths(item.Object!.Json))
        {
            if (!IsResolved(id))
            {
                errors.Add(new StixError(item.Index, item.Object.Id.Value, path,
                    $"marking {id} is not defined: it is not a standard TLP marking, not in this input and not stored") { Line = item.Line });
            }
        }

        return [.. errors];
    }

    private bool IsResolved(string id)
    {
        if (_known.Contains(id) || WellKnownMarkings.IsWellKnown(id))
        {
            return true;
        }

        if (store.Contains(id))
        {
            _known.Add(id);
            return true;
        }

        return false;
    }

    private static IEnumerable<(string Path, string Id)> MarkingPaths(JsonElement json)
    {
        if (json.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in refs.EnumerateArray())
            {
                yield return ($"$.object_marking_refs[{i++}]", item.GetString() ?? string.Empty);
            }
        }

        if (json.TryGetProperty("granular_markings", out var granular) && granular.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in granular.EnumerateArray())
            {
                if (item.TryGetProperty("marking_ref", out var markingRef) && markingRef.ValueKind == JsonValueKind.String)
                {
                    yield return ($"$.granular_markings[{i}].marking_ref", markingRef.GetString()!);
                }

                i++;
            }
        }
    }
}
