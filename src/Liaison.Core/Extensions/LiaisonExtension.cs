using System.Text.Json;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Core.Extensions;

/// <summary>
/// One Liaison STIX 2.1 extension: its definition object, its JSON schema, the object types it applies to, and the
/// check of an object carrying it. Immutable; <see cref="Validate"/> is thread-safe.
/// </summary>
public sealed class LiaisonExtension : IKnownExtension
{
    private readonly Lazy<ExtensionSchemaSet> _schemas;
    private readonly LiaisonExtensionRules.Rule? _rule;

    internal LiaisonExtension(ExtensionSpec spec, Lazy<ExtensionSchemaSet> schemas)
    {
        Id = spec.Id;
        ShortName = spec.ShortName;
        Name = spec.Name;
        Description = spec.Description;
        ExtensionType = spec.ExtensionType;
        DefinesType = spec.DefinesType;
        AppliesTo = spec.AppliesTo;
        SchemaFileName = spec.ShortName + ".json";
        _rule = spec.Rule;
        _schemas = schemas;
        Definition = ExtensionDefinitionWriter.Write(this);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <summary>A short stable name, e.g. <c>strike-assessment</c>; also the schema file's name without <c>.json</c>.</summary>
    public string ShortName { get; }

    /// <summary>The definition's <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>The definition's <c>description</c>.</summary>
    public string Description { get; }

    /// <summary>Whether this extension defines a new object type or adds properties to existing ones.</summary>
    public StixExtensionType ExtensionType { get; }

    /// <inheritdoc />
    public string? DefinesType { get; }

    /// <summary>The object types that may carry this extension (for a new SDO, just <see cref="DefinesType"/>).</summary>
    public IReadOnlyList<string> AppliesTo { get; }

    /// <summary>The schema file's name in <c>src/Liaison.Core/Extensions/Schemas/</c>.</summary>
    public string SchemaFileName { get; }

    /// <summary>The definition's <c>schema</c>: where the JSON schema is published.</summary>
    public string SchemaUrl => LiaisonExtensions.SchemaBaseUrl + SchemaFileName;

    /// <summary>The definition's <c>version</c>.</summary>
    public string Version { get; } = "1.0";

    /// <summary>The STIX 2.1 <c>extension-definition</c> object, ready to publish.</summary>
    public JsonElement Definition { get; }

    /// <summary>The JSON schema (draft 2020-12) as published; it may refer to <c>common.json</c> beside it.</summary>
    public JsonElement Schema => _schemas.Value.Get(SchemaFileName).Root;

    /// <inheritdoc />
    public void Validate(JsonElement stixObject, JsonElement extensionBody, string bodyPath, int? objectIndex, string? objectId, ICollection<StixError> errors)
    {
        ArgumentNullException.ThrowIfNull(bodyPath);
        ArgumentNullException.ThrowIfNull(errors);
        var sink = new ErrorSink(errors, objectIndex, objectId);
        if (stixObject.ValueKind != JsonValueKind.Object)
        {
            sink.Add("$", "a STIX object must be a JSON object");
            return;
        }

        if (!stixObject.TryGetProperty("type", out var t) || !AppliesToType(t))
        {
            var type = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            sink.Add(bodyPath, ExtensionType == StixExtensionType.NewSdo
                ? $"{Name} defines the object type '{DefinesType}'; it cannot declare a '{type}' object"
                : $"{Name} extends {string.Join(" and ", AppliesTo.Select(a => $"'{a}'"))} objects, not '{type}'");
            return;
        }

        JsonElement subject;
        string subjectPath;
        if (ExtensionType == StixExtensionType.NewSdo)
        {
            CheckNewSdoBody(extensionBody, bodyPath, sink);
            (subject, subjectPath) = (stixObject, "$");
        }
        else if (extensionBody.ValueKind != JsonValueKind.Object)
        {
            sink.Add(bodyPath, $"must be a JSON object holding the {ShortName} properties and \"extension_type\": \"property-extension\"");
            return;
        }
        else
        {
            (subject, subjectPath) = (extensionBody, bodyPath);
        }

        var schemas = _schemas.Value;
        var document = schemas.Get(SchemaFileName);
        if (ExtensionSchemaSet.Failures(document, subject) is { } failures)
        {
            var subjectName = ExtensionType == StixExtensionType.NewSdo ? DefinesType! : $"the {ShortName} extension";
            SchemaFailureText.Report(schemas, document, failures, subject, subjectPath, subjectName, sink);
        }

        _rule?.Invoke(stixObject, subject, subjectPath, sink);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";

    private bool AppliesToType(JsonElement type)
    {
        if (type.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        for (var i = 0; i < AppliesTo.Count; i++)
        {
            if (type.ValueEquals(AppliesTo[i]))
            {
                return true;
            }
        }

        return false;
    }

    // For a new SDO the extension's properties are top-level; the body only says which kind of extension it is.
    private static void CheckNewSdoBody(JsonElement body, string bodyPath, ErrorSink sink)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            sink.Add(bodyPath, "must be the JSON object {\"extension_type\": \"new-sdo\"}");
            return;
        }

        var typePath = JsonPathText.Property(bodyPath, "extension_type");
        if (!body.TryGetProperty("extension_type", out var extensionType))
        {
            sink.Add(typePath, "required property 'extension_type' is missing: it must be 'new-sdo' for this extension");
        }
        else if (!extensionType.ValueEquals("new-sdo"))
        {
            sink.Add(typePath, $"must be 'new-sdo', not {SchemaFailureText.Show(extensionType)} (the extension_type its extension definition declares)");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!property.NameEquals("extension_type"))
            {
                sink.Add(JsonPathText.Property(bodyPath, property.Name),
                    $"'{property.Name}' does not belong here: the properties of a new-sdo extension are top-level properties of the object");
            }
        }
    }
}
