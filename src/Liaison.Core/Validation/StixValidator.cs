using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>
/// Checks one STIX 2.1 object against the specification's MUST rules: type and id syntax, required properties and
/// value types of every SDO, SRO, SCO and meta object, timestamps and their ordering, identifier references and the
/// types they may point to, lists, vocabularies that are closed enumerations, external references, hashes,
/// granular-marking selectors, extensions (through an optional <see cref="IExtensionCatalog"/>) and custom objects.
/// </summary>
/// <remarks>
/// One object at a time: whether references resolve (including marking references, see
/// <see cref="StixValidationResult.MarkingRefs"/>) is the caller's concern. Not checked: STIX patterns, open
/// vocabularies (SHOULD-level), URL and e-mail syntax, IANA registries beyond a syntax check, and the deprecated
/// embedded observables of observed-data beyond their <c>type</c>. Instances are immutable and thread safe; the
/// catalogue is built once per process.
/// </remarks>
public sealed partial class StixValidator
{
    private static readonly IReadOnlyList<string> NoMarkings = [];

    private readonly IExtensionCatalog? _extensions;

    /// <summary>Creates a validator; known extension definitions in <paramref name="extensions"/> are checked against their schemas.</summary>
    public StixValidator(IExtensionCatalog? extensions = null)
    {
        _extensions = extensions;
    }

    /// <summary>Validates one object (already parsed JSON).</summary>
    /// <param name="element">The object; if it belongs to a disposable <see cref="JsonDocument"/>, the returned object holds a copy.</param>
    /// <param name="index">Position of the object in its input (e.g. in a bundle's <c>objects</c>), used in messages.</param>
    /// <returns>The object when valid, otherwise every error found.</returns>
    public StixValidationResult Validate(JsonElement element, int? index = null)
    {
        var context = new ValidationContext(element, index, _extensions);
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(Loc.Root, $"a STIX object must be a JSON object, found {JsonText.Describe(element)}");
            return Finish(context, null);
        }

        var id = ReadId(context, element);
        var type = ReadType(context, element);
        if (type is null)
        {
            return Finish(context, null);
        }

        CheckIdMatchesType(context, id, type);
        var spec = ResolveSpec(context, element, type);
        if (spec is null)
        {
            return Finish(context, null);
        }

        context.Spec = spec;
        CheckSpecVersion(context, element, spec);
        PropertyWalker.Walk(context, element, Loc.Root, spec, topLevel: true);
        return Finish(context, id);
    }

    private static StixValidationResult Finish(ValidationContext context, StixId? id)
    {
        var markings = (IReadOnlyList<string>?)context.MarkingRefs ?? NoMarkings;
        if (context.Errors.Count > 0 || id is null)
        {
            return new StixValidationResult(null, context.Errors, markings);
        }

        // Clone: a standalone copy when the element belongs to a pooled document, a no-op when it already is one.
        var stixObject = new StixObject(context.Root.Clone(), id.Value, context.Created, context.Modified, ReadRevoked(context.Root));
        return new StixValidationResult(stixObject, [], markings);
    }

    private static bool ReadRevoked(JsonElement element) =>
        element.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True;
}
