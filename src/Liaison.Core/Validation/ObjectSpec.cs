using System.Collections.Frozen;
using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>The four families of STIX 2.1 objects; each has its own common properties.</summary>
internal enum ObjectCategory
{
    /// <summary>STIX Domain Object.</summary>
    Sdo,

    /// <summary>STIX Relationship Object.</summary>
    Sro,

    /// <summary>STIX Cyber-observable Object.</summary>
    Sco,

    /// <summary>Marking definition, language content, extension definition.</summary>
    Meta,
}

/// <summary>A cross-property rule that a table cannot express (e.g. "latitude and longitude come together").</summary>
internal delegate void CrossCheck(ValidationContext context, JsonElement value, Loc path, ulong seen);

/// <summary>"<paramref name="Later"/> must not be before <paramref name="Earlier"/>" (or strictly after, when <paramref name="Strict"/>).</summary>
internal readonly record struct TimeOrder(string Earlier, string Later, bool Strict);

/// <summary>
/// The shape of an object or nested structure: its properties (by name, each with a bit position used to track
/// presence), the required ones, "at least one of" groups, time ordering rules and an optional cross check.
/// Built once at start-up; immutable and shared.
/// </summary>
internal sealed class ObjectSpec
{
    private readonly FrozenDictionary<string, int> _index;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIndex;

    public ObjectSpec(
        string name,
        IEnumerable<PropertyRule> rules,
        ObjectCategory? category = null,
        IReadOnlyList<string[]>? atLeastOneOf = null,
        IReadOnlyList<TimeOrder>? orderings = null,
        CrossCheck? check = null,
        IReadOnlyDictionary<string, ObjectSpec>? predefinedExtensions = null,
        bool isCustom = false)
    {
        Name = name;
        Category = category;
        IsCustom = isCustom;

        // Later rules override earlier ones of the same name (type-specific rules override common ones).
        var ordered = new List<PropertyRule>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (positions.TryGetValue(rule.Name, out var existing))
            {
                ordered[existing] = rule;
            }
            else
            {
                positions[rule.Name] = ordered.Count;
                ordered.Add(rule);
            }
        }

        if (ordered.Count > 64)
        {
            throw new InvalidOperationException($"spec '{name}' has {ordered.Count} properties; presence is tracked in 64 bits");
        }

        Rules = [.. ordered];
        _index = positions.ToFrozenDictionary(StringComparer.Ordinal);
        _spanIndex = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < Rules.Length; i++)
        {
            if (Rules[i].IsRequired)
            {
                RequiredMask |= 1UL << i;
            }
        }

        AtLeastOneOf = (atLeastOneOf ?? []).Select(group => (Mask(group), group)).ToArray();
        Orderings = orderings ?? [];
        Check = check;
        PredefinedExtensions = predefinedExtensions?.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The object type (or a descriptive name for nested structures).</summary>
    public string Name { get; }

    /// <summary>The family for top-level object types; null for nested structures.</summary>
    public ObjectCategory? Category { get; }

    /// <summary>True for the stand-in specs used for custom (non-spec) object types.</summary>
    public bool IsCustom { get; }

    public PropertyRule[] Rules { get; }

    public ulong RequiredMask { get; }

    public (ulong Mask, string[] Names)[] AtLeastOneOf { get; }

    public IReadOnlyList<TimeOrder> Orderings { get; }

    public CrossCheck? Check { get; }

    /// <summary>Predefined extensions (e.g. <c>archive-ext</c> on file) with their own shapes.</summary>
    public FrozenDictionary<string, ObjectSpec>? PredefinedExtensions { get; }

    public int Find(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    public int Find(ReadOnlySpan<char> name) => _spanIndex.TryGetValue(name, out var i) ? i : -1;

    public bool Has(ulong seen, string name) => _index.TryGetValue(name, out var i) && (seen & (1UL << i)) != 0;

    private ulong Mask(string[] names)
    {
        ulong mask = 0;
        foreach (var name in names)
        {
            var i = Find(name);
            if (i < 0)
            {
                throw new InvalidOperationException($"spec '{Name}': '{name}' in an at-least-one group is not a property");
            }

            mask |= 1UL << i;
        }

        return mask;
    }
}
