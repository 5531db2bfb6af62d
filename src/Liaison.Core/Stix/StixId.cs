using System.Diagnostics.CodeAnalysis;

namespace Liaison.Core.Stix;

/// <summary>
/// A STIX 2.1 identifier, <c>type--UUID</c>: a valid type name, two hyphens and an RFC 4122 UUID.
/// Immutable and validated at construction, so a value of this type is always well formed.
/// </summary>
public readonly record struct StixId
{
    private StixId(string value, int separator)
    {
        Value = value;
        _separator = separator;
    }

    private readonly int _separator;

    /// <summary>The identifier as written, e.g. <c>indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f</c>.</summary>
    public string Value { get; }

    /// <summary>The type part, before the <c>--</c>.</summary>
    public string Type => Value[.._separator];

    /// <summary>Parses an identifier, or returns a reason a person can act on.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StixId? id, [NotNullWhen(false)] out string? reason)
    {
        id = null;
        if (string.IsNullOrEmpty(text))
        {
            reason = "an identifier must be a non-empty string of the form 'type--UUID'";
            return false;
        }

        var separator = text.IndexOf("--", StringComparison.Ordinal);
        if (separator < 0)
        {
            reason = $"'{Truncate(text)}' is not of the form 'type--UUID' (no '--' separator)";
            return false;
        }

        // Type names may themselves contain single hyphens, never a double one, so the first '--' separates.
        var type = text[..separator];
        if (!StixNames.IsValidTypeName(type, out var typeReason))
        {
            reason = $"the type part of '{Truncate(text)}' is invalid: {typeReason}";
            return false;
        }

        var uuid = text.AsSpan(separator + 2);
        if (uuid.Length != 36 || !Guid.TryParseExact(uuid, "D", out _) || !IsRfc4122(uuid))
        {
            reason = $"the UUID part of '{Truncate(text)}' is not an RFC 4122 UUID (8-4-4-4-12 hex digits, version 1-5, variant 8-b)";
            return false;
        }

        id = new StixId(text, separator);
        reason = null;
        return true;
    }

    /// <summary>Parses an identifier known to be valid; throws <see cref="FormatException"/> otherwise.</summary>
    public static StixId Parse(string text) =>
        TryParse(text, out var id, out var reason) ? id.Value : throw new FormatException(reason);

    /// <summary>Creates a new random (version 4) identifier of the given type.</summary>
    public static StixId NewRandom(string type) => Parse($"{type}--{Guid.NewGuid():D}");

    /// <inheritdoc />
    public override string ToString() => Value;

    // Version nibble at index 14, variant nibble at index 19 (xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx).
    private static bool IsRfc4122(ReadOnlySpan<char> uuid) =>
        uuid[14] is >= '1' and <= '5' && uuid[19] is '8' or '9' or 'a' or 'b' or 'A' or 'B';

    private static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
