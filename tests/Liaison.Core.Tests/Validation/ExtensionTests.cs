using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class ExtensionTests
{
    private const string ExtensionId = "extension-definition--3c0b8f4e-7a52-4d1e-9b6f-2e8a1d5c7f90";

    private static JsonObject Extensions(string key, JsonNode body) => new() { [key] = body };

    [Fact]
    public void Custom_object_declared_by_a_new_sdo_extension_is_accepted()
    {
        var json = Sdo("x-strike-assessment").With("extensions", Extensions(ExtensionId, new JsonObject { ["extension_type"] = "new-sdo" }));

        ValidationAssert.Valid(json.Validate());
    }

    [Fact]
    public void Custom_object_without_x_prefix_is_accepted_when_an_extension_declares_it()
    {
        var json = Sco("strike-target").With("extensions", Extensions(ExtensionId, new JsonObject { ["extension_type"] = "new-sco" })).With("value", "bridge");

        ValidationAssert.Valid(json.Validate());
    }

    [Fact]
    public void Extension_must_not_redefine_a_spec_type()
    {
        var json = Minimal("identity").With("extensions", Extensions(ExtensionId, new JsonObject { ["extension_type"] = "new-sdo" }));

        ValidationAssert.SingleError(
            json.Validate(),
            $"$.extensions.{ExtensionId}.extension_type",
            "extension_type 'new-sdo' defines a new object type, but 'identity' is a STIX 2.1 type (extensions must not redefine spec objects)");
    }

    [Fact]
    public void Extension_key_must_be_a_definition_id_or_an_ext_name()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("extensions", Extensions("my extension", new JsonObject { ["a_b"] = 1 })).Validate(),
            "$.extensions['my extension']",
            "extension key 'my extension' must be an extension definition id ('extension-definition--<UUID>') or a predefined extension name ending in '-ext'");
    }

    [Fact]
    public void Extension_body_must_not_be_empty()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("extensions", Extensions(ExtensionId, new JsonObject())).Validate(),
            $"$.extensions.{ExtensionId}",
            "an extension must have at least one property, found an empty object");
    }

    [Fact]
    public void Extension_keyed_by_definition_id_needs_an_extension_type()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("extensions", Extensions(ExtensionId, new JsonObject { ["rank"] = 5 })).Validate(),
            $"$.extensions.{ExtensionId}",
            "an extension keyed by its definition id must have extension_type (one of new-sdo, new-sco, new-sro, property-extension, toplevel-property-extension)");
    }

    [Fact]
    public void Known_extension_is_checked_through_the_catalog()
    {
        var catalog = new FakeCatalog(new FakeExtension(ExtensionId, null));
        var json = Minimal("identity").With("extensions", Extensions(ExtensionId, new JsonObject { ["extension_type"] = "property-extension", ["rank"] = 11 }));

        ValidationAssert.SingleError(json.Validate(catalog), $"$.extensions.{ExtensionId}.rank", "rank must be at most 10");
    }

    [Fact]
    public void Known_extension_defining_another_type_is_rejected()
    {
        var catalog = new FakeCatalog(new FakeExtension(ExtensionId, "x-strike-assessment"));
        var json = Sdo("x-other").With("extensions", Extensions(ExtensionId, new JsonObject { ["extension_type"] = "new-sdo" }));

        ValidationAssert.SingleError(json.Validate(catalog), $"$.extensions.{ExtensionId}", $"extension {ExtensionId} defines objects of type 'x-strike-assessment', not 'x-other'");
    }

    [Fact]
    public void Predefined_sco_extension_is_checked_against_its_definition()
    {
        var json = Minimal("file").With("extensions", Extensions("archive-ext", new JsonObject { ["comment"] = "empty" }));

        ValidationAssert.SingleError(json.Validate(), "$.extensions.archive-ext", "required property 'contains_refs' is missing (each archive-ext must have it)");
    }

    [Fact]
    public void Extension_definition_lists_only_known_extension_types()
    {
        ValidationAssert.SingleError(
            Minimal("extension-definition").With("extension_types", Array("new-thing")).Validate(),
            "$.extension_types[0]",
            "extension_types[0] must be one of 'new-sco', 'new-sdo', 'new-sro', 'property-extension', 'toplevel-property-extension', found 'new-thing'");
    }

    [Fact]
    public void Extension_properties_need_a_toplevel_property_extension()
    {
        ValidationAssert.SingleError(
            Minimal("extension-definition").With("extension_properties", Array("review_by")).Validate(),
            "$.extension_properties",
            "extension_properties is only allowed when extension_types contains 'toplevel-property-extension'");
    }

    [Fact]
    public void Extension_definition_requires_its_creator()
    {
        ValidationAssert.SingleError(
            Minimal("extension-definition").Without("created_by_ref").Validate(),
            "$",
            "required property 'created_by_ref' is missing (every extension-definition must have it)");
    }

    private sealed class FakeCatalog(FakeExtension extension) : IExtensionCatalog
    {
        public bool TryGet(string extensionDefinitionId, [NotNullWhen(true)] out IKnownExtension? known)
        {
            known = extensionDefinitionId == extension.Id ? extension : null;
            return known is not null;
        }
    }

    private sealed class FakeExtension(string id, string? definesType) : IKnownExtension
    {
        public string Id => id;

        public string? DefinesType => definesType;

        public void Validate(JsonElement stixObject, JsonElement extensionBody, string bodyPath, int? objectIndex, string? objectId, ICollection<StixError> errors)
        {
            if (extensionBody.TryGetProperty("rank", out var rank) && rank.GetInt32() > 10)
            {
                errors.Add(new StixError(objectIndex, objectId, bodyPath + ".rank", "rank must be at most 10"));
            }
        }
    }
}
