namespace Liaison.Core.Extensions;

/// <summary>The kinds of STIX 2.1 extension (spec §7.3 <c>extension-type-enum</c>) that Liaison defines.</summary>
public enum StixExtensionType
{
    /// <summary><c>new-sdo</c>: the extension defines a new object type; its properties sit at the object's top level.</summary>
    NewSdo,

    /// <summary><c>property-extension</c>: the extension adds properties under its key in an object's <c>extensions</c>.</summary>
    PropertyExtension,
}

/// <summary>Wire names of <see cref="StixExtensionType"/>.</summary>
public static class StixExtensionTypeNames
{
    /// <summary>The value of <c>extension_type</c> / <c>extension_types</c> for the given kind.</summary>
    public static string ToWireName(this StixExtensionType type) => type switch
    {
        StixExtensionType.NewSdo => "new-sdo",
        StixExtensionType.PropertyExtension => "property-extension",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a Liaison extension type"),
    };
}
