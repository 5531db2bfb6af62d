using static Liaison.Core.Validation.P;

namespace Liaison.Core.Validation;

internal static partial class TypeCatalog
{
    private static IEnumerable<ObjectSpec> Metas() =>
    [
        new ObjectSpec("marking-definition", CommonSpecs.Marking, ObjectCategory.Meta, check: MarkingDefinitions.Check),
        new ObjectSpec(
            "language-content",
            [
                .. CommonSpecs.Core, Ref("object_ref", RefTarget.NotLanguageContent).Req(), Ts("object_modified"),
                Map("contents", Nested("translations", [])).As(StringFormat.LanguageTag).Req(),
            ],
            ObjectCategory.Meta,
            orderings: [ModifiedAfterCreated]),
        new ObjectSpec(
            "extension-definition",
            [
                .. CommonSpecs.Core, Ref("created_by_ref", RefTarget.Identity).Req(), Str("name").Req(), Str("description"),
                Str("schema").Req(), Str("version").Req(), Strs("extension_types").Req().OneOf(ExtensionRules.ExtensionTypes),
                Strs("extension_properties"),
            ],
            ObjectCategory.Meta,
            orderings: [ModifiedAfterCreated],
            check: CrossChecks.ExtensionDefinition),
    ];
}
