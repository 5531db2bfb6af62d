using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using static Liaison.Core.Validation.P;

namespace Liaison.Core.Validation;

/// <summary>
/// Every STIX 2.1 object type as data: type → properties (value kinds, required flags, allowed reference targets),
/// "at least one of" groups, time orderings and the few cross-property rules. Built once, immutable.
/// The rows follow the STIX 2.1 specification (OASIS Standard, 10 June 2021) sections 4 (SDOs), 5 (SROs),
/// 6 (SCOs) and 7 (meta objects).
/// </summary>
internal static partial class TypeCatalog
{
    private static readonly FrozenDictionary<string, ObjectSpec> Specs =
        Sdos().Concat(Sros()).Concat(Scos()).Concat(Metas()).ToFrozenDictionary(spec => spec.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ObjectSpec>.AlternateLookup<ReadOnlySpan<char>> SpecLookup =
        Specs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Stand-in for a custom SDO (legacy <c>x-</c> type or an extension's new-sdo): SDO common properties, anything else custom.</summary>
    public static readonly ObjectSpec CustomSdo = new("custom object", CommonSpecs.Core, ObjectCategory.Sdo, orderings: [ModifiedAfterCreated], isCustom: true);

    /// <summary>Stand-in for a custom SRO (an extension's new-sro).</summary>
    public static readonly ObjectSpec CustomSro = new("custom object", CommonSpecs.Core, ObjectCategory.Sro, orderings: [ModifiedAfterCreated], isCustom: true);

    /// <summary>Stand-in for a custom SCO (legacy custom observable or an extension's new-sco).</summary>
    public static readonly ObjectSpec CustomSco = new("custom object", CommonSpecs.CyberObservable, ObjectCategory.Sco, isCustom: true);

    private static TimeOrder ModifiedAfterCreated => new("created", "modified", Strict: false);

    /// <summary>All spec types, for documentation and tests.</summary>
    public static IEnumerable<string> Types => Specs.Keys;

    public static bool TryGet(string type, [NotNullWhen(true)] out ObjectSpec? spec) => Specs.TryGetValue(type, out spec);

    public static bool TryGetCategory(ReadOnlySpan<char> type, out ObjectCategory category)
    {
        if (SpecLookup.TryGetValue(type, out var spec))
        {
            category = spec.Category!.Value;
            return true;
        }

        category = default;
        return false;
    }

    private static ObjectSpec Sdo(string type, PropertyRule[] rules, string[][]? atLeastOneOf = null, TimeOrder[]? orderings = null, CrossCheck? check = null) =>
        new(type, [.. CommonSpecs.Core, .. rules], ObjectCategory.Sdo, atLeastOneOf, [ModifiedAfterCreated, .. orderings ?? []], check);

    private static ObjectSpec Sro(string type, PropertyRule[] rules, TimeOrder[] orderings) =>
        new(type, [.. CommonSpecs.Core, .. rules], ObjectCategory.Sro, null, [ModifiedAfterCreated, .. orderings]);

    private static ObjectSpec Sco(string type, PropertyRule[] rules, string[][]? atLeastOneOf = null, TimeOrder[]? orderings = null, CrossCheck? check = null, Dictionary<string, ObjectSpec>? extensions = null) =>
        new(type, [.. CommonSpecs.CyberObservable, .. rules], ObjectCategory.Sco, atLeastOneOf, orderings, check, extensions);

    private static ObjectSpec Nested(string name, PropertyRule[] rules, string[][]? atLeastOneOf = null, CrossCheck? check = null) =>
        new(name, rules, atLeastOneOf: atLeastOneOf, check: check);

    /// <summary>"last_seen must not be before first_seen".</summary>
    private static TimeOrder NotBefore(string later, string earlier) => new(earlier, later, Strict: false);

    /// <summary>"valid_until must be after valid_from".</summary>
    private static TimeOrder After(string later, string earlier) => new(earlier, later, Strict: true);

    private static string[] Group(params string[] names) => names;

    private static IEnumerable<ObjectSpec> Sros() =>
    [
        Sro("relationship",
            [
                Str("relationship_type").Req().As(StringFormat.RelationshipType), Str("description"),
                Ref("source_ref", RefTarget.SdoScoOrCustom).Req(), Ref("target_ref", RefTarget.SdoScoOrCustom).Req(),
                Ts("start_time"), Ts("stop_time"),
            ],
            [After("stop_time", "start_time")]),
        Sro("sighting",
            [
                Str("description"), Ts("first_seen"), Ts("last_seen"), Int("count", 0, 999_999_999),
                Ref("sighting_of_ref", RefTarget.SdoOrCustom).Req(), Refs("observed_data_refs", RefTarget.ObservedData),
                Refs("where_sighted_refs", RefTarget.IdentityOrLocation), Bool("summary"),
            ],
            [NotBefore("last_seen", "first_seen")]),
    ];
}
