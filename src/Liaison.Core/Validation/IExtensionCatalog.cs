using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>
/// The STIX extension definitions a node understands. The validator asks it about every key of an object's
/// <c>extensions</c> dictionary; unknown extension ids are accepted as opaque (the spec allows it) but known ones
/// are checked against their published JSON schema.
/// </summary>
public interface IExtensionCatalog
{
    /// <summary>Finds a known extension definition by its <c>extension-definition--UUID</c> id.</summary>
    bool TryGet(string extensionDefinitionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IKnownExtension? extension);
}

/// <summary>One extension definition the node understands.</summary>
public interface IKnownExtension
{
    /// <summary>The <c>extension-definition--UUID</c> id.</summary>
    string Id { get; }

    /// <summary>The object type it defines (for <c>new-sdo</c>/<c>new-sro</c>/<c>new-sco</c>), else null.</summary>
    string? DefinesType { get; }

    /// <summary>
    /// Checks an object carrying this extension. For a property extension, <paramref name="extensionBody"/> is the
    /// value under the extension's key and <paramref name="bodyPath"/> its JSON path; for a new object type the
    /// whole object is checked. Errors are appended with the given index and id.
    /// </summary>
    void Validate(JsonElement stixObject, JsonElement extensionBody, string bodyPath, int? objectIndex, string? objectId, ICollection<StixError> errors);
}
