using System.Collections.Frozen;

namespace Liaison.Core.Validation;

/// <summary>What a property's value must be. Each kind is checked by one method of <see cref="ValueChecks"/>.</summary>
internal enum ValueKind
{
    /// <summary>Checked before the property walk (type, id, spec_version).</summary>
    Special,
    String,
    StringList,
    Boolean,
    Integer,
    Number,
    Timestamp,

    /// <summary>A timestamp with at least millisecond precision (created/modified of SDOs, SROs and most meta objects).</summary>
    TimestampMillis,
    Ref,
    RefList,
    Hashes,
    Dictionary,
    Object,
    ObjectList,

    /// <summary>A non-empty dictionary whose every value is an object checked against <see cref="PropertyRule.Item"/>.</summary>
    ObjectMap,
    GranularMarkings,
    Extensions,
}

/// <summary>Extra syntax a string must follow.</summary>
internal enum StringFormat
{
    None,
    Hex,
    Base64,
    RelationshipType,
    Ipv4,
    Ipv6,
    MacAddress,
    MimeType,
    CharsetName,
    Cpe,
    LanguageTag,
    RegistryKey,
}

/// <summary>Which common property a rule fills in the validation context.</summary>
internal enum PropertySlot
{
    None,
    Created,
    Modified,
}

/// <summary>One row of the catalogue: a property name and what its value must be.</summary>
internal sealed record PropertyRule(string Name, ValueKind Kind)
{
    public bool IsRequired { get; init; }

    public RefTarget? Targets { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public FrozenSet<string>? AllowedValues { get; init; }

    public StringFormat Format { get; init; }

    /// <summary>The shape of the nested object(s) for <see cref="ValueKind.Object"/>, <see cref="ValueKind.ObjectList"/> and <see cref="ValueKind.ObjectMap"/>.</summary>
    public ObjectSpec? Item { get; init; }

    public PropertySlot Slot { get; init; }

    public PropertyRule Req() => this with { IsRequired = true };

    public PropertyRule OneOf(params string[] values) => this with { AllowedValues = values.ToFrozenSet(StringComparer.Ordinal) };

    public PropertyRule As(StringFormat format) => this with { Format = format };

    public PropertyRule Range(double? minimum, double? maximum) => this with { Minimum = minimum, Maximum = maximum };
}

/// <summary>Short constructors that keep the catalogue tables readable.</summary>
internal static class P
{
    public static PropertyRule Str(string name) => new(name, ValueKind.String);

    public static PropertyRule Strs(string name) => new(name, ValueKind.StringList);

    public static PropertyRule Bool(string name) => new(name, ValueKind.Boolean);

    public static PropertyRule Int(string name, long? minimum = null, long? maximum = null) =>
        new(name, ValueKind.Integer) { Minimum = minimum, Maximum = maximum };

    public static PropertyRule Num(string name, double? minimum = null, double? maximum = null) =>
        new(name, ValueKind.Number) { Minimum = minimum, Maximum = maximum };

    public static PropertyRule Ts(string name) => new(name, ValueKind.Timestamp);

    public static PropertyRule Ref(string name, RefTarget targets) => new(name, ValueKind.Ref) { Targets = targets };

    public static PropertyRule Refs(string name, RefTarget targets) => new(name, ValueKind.RefList) { Targets = targets };

    public static PropertyRule Hashes(string name) => new(name, ValueKind.Hashes);

    public static PropertyRule Dict(string name) => new(name, ValueKind.Dictionary);

    public static PropertyRule Hex(string name) => new(name, ValueKind.String) { Format = StringFormat.Hex };

    public static PropertyRule Obj(string name, ObjectSpec item) => new(name, ValueKind.Object) { Item = item };

    public static PropertyRule Objs(string name, ObjectSpec item) => new(name, ValueKind.ObjectList) { Item = item };

    public static PropertyRule Map(string name, ObjectSpec item) => new(name, ValueKind.ObjectMap) { Item = item };

    public static PropertyRule KillChainPhases() => Objs("kill_chain_phases", CommonSpecs.KillChainPhase);
}
