using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>
/// The state of one <see cref="StixValidator.Validate"/> call: the object being checked, the errors found so far and the
/// facts later rules need. One instance per call, never shared, so the validator itself stays thread safe.
/// </summary>
internal sealed class ValidationContext
{
    public ValidationContext(JsonElement root, int? index, IExtensionCatalog? extensions)
    {
        Root = root;
        Index = index;
        Extensions = extensions;
    }

    /// <summary>The whole object (granular-marking selectors resolve against it).</summary>
    public JsonElement Root { get; }

    public int? Index { get; }

    public IExtensionCatalog? Extensions { get; }

    /// <summary>The object's <c>id</c> text when it is a string, for error messages.</summary>
    public string? Id { get; set; }

    /// <summary>The object's <c>type</c> when it is a string.</summary>
    public string? Type { get; set; }

    public ObjectSpec? Spec { get; set; }

    public StixTimestamp? Created { get; set; }

    public StixTimestamp? Modified { get; set; }

    public List<StixError> Errors { get; } = [];

    /// <summary>Marking-definition ids referenced by object_marking_refs and granular markings, in order, no duplicates.</summary>
    public List<string>? MarkingRefs { get; private set; }

    public void Error(Loc path, string reason) => Errors.Add(new StixError(Index, Id, path.ToString(), reason));

    public void AddMarkingRef(string id)
    {
        MarkingRefs ??= new List<string>(2);
        foreach (var existing in MarkingRefs)
        {
            if (string.Equals(existing, id, StringComparison.Ordinal))
            {
                return;
            }
        }

        MarkingRefs.Add(id);
    }
}
