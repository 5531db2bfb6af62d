using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Policy;

/// <summary>
/// Rounds timestamps down to a <see cref="TimeGranularity"/>, wherever in the object a property of one of the given
/// names holds one (top level, nested structures, extensions and lists, e.g. a claim's <c>reported_at</c>).
/// </summary>
/// <remarks>
/// <para>Rounding down is monotone, so an order that held before still holds after, provided both ends are rounded:
/// the ends of each STIX ordering pair (<c>created</c>/<c>modified</c>, <c>first_seen</c>/<c>last_seen</c>,
/// <c>first_observed</c>/<c>last_observed</c>, <c>valid_from</c>/<c>valid_until</c>, <c>start_time</c>/<c>stop_time</c>)
/// are always rounded together. Where STIX demands a strict order (<c>valid_until</c> after <c>valid_from</c>,
/// <c>stop_time</c> after <c>start_time</c>) and both fall in the same step, the later one is rounded up instead.</para>
/// <para>A rounded timestamp keeps its number of fraction digits (now zeros), so <c>created</c> keeps its milliseconds.
/// A sibling <c>NAME_precision</c> (the Liaison time-precision of <c>strike_time</c>, <c>event_time</c>,
/// <c>reported_at</c>) is set to the step's unit when that is coarser, and added to those three when absent inside a
/// Liaison object type or extension (whose schemas define it). Strings
/// that are not timestamps are left alone (the validator rejects them earlier). Immutable and thread safe.</para>
/// </remarks>
public sealed class TimeRounding : StixTransform
{
    /// <summary>The timestamps of STIX 2.1 and the Liaison extensions that carry operational times.</summary>
    public static IReadOnlyList<string> DefaultProperties { get; } =
    [
        "created", "modified", "first_seen", "last_seen", "first_observed", "last_observed", "published", "valid_from",
        "valid_until", "start_time", "stop_time", "strike_time", "event_time", "reported_at",
    ];

    private static readonly (string Earlier, string Later, bool Strict)[] Pairs =
    [
        ("created", "modified", false), ("first_seen", "last_seen", false), ("first_observed", "last_observed", false),
        ("valid_from", "valid_until", true), ("start_time", "stop_time", true),
    ];

    private static readonly FrozenSet<string> PrecisionSiblings = FrozenSet.Create(StringComparer.Ordinal, "strike_time", "event_time", "reported_at");

    private static readonly string[] PrecisionOrder = ["second", "minute", "hour", "day", "month", "year"];

    private readonly FrozenSet<string> _names;
    private readonly (string Earlier, string Later, bool Strict)[] _pairs;

    /// <summary>Creates the rounding of the named properties (<see cref="DefaultProperties"/> when null).</summary>
    public TimeRounding(TimeGranularity granularity, IEnumerable<string>? propertyNames = null)
    {
        Preconditions.CheckArgument(granularity.Microseconds > 0, "a granularity must be made with Parse or FromTimeSpan");
        Granularity = granularity;
        var names = new HashSet<string>(propertyNames ?? DefaultProperties, StringComparer.Ordinal);
        foreach (var (earlier, later, _) in Pairs)
        {
            if (names.Contains(earlier) || names.Contains(later))
            {
                names.Add(earlier);
                names.Add(later);
            }
        }

        _names = names.ToFrozenSet(StringComparer.Ordinal);
        _pairs = [.. Pairs.Where(p => _names.Contains(p.Earlier))];
    }

    /// <summary>The step timestamps are rounded down to.</summary>
    public TimeGranularity Granularity { get; }

    /// <summary>The property names rounded, ordering pairs completed.</summary>
    public IReadOnlyCollection<string> PropertyNames => _names;

    internal override void ApplyTo(JsonObject target, TransformContext context)
    {
        var liaisonType = target["type"] is JsonValue t && t.TryGetValue(out string? type) && LiaisonExtensions.Instance.TryGetByType(type, out _);
        Round(target, liaisonType, topLevel: true);
    }

    /// <param name="node">The object whose timestamps are rounded.</param>
    /// <param name="liaisonScope">True inside a Liaison object type or extension, whose schemas define the precision siblings.</param>
    /// <param name="topLevel">True for the STIX object itself (its <c>extensions</c> are keyed by extension id).</param>
    private void Round(JsonObject node, bool liaisonScope, bool topLevel)
    {
        List<(string Name, JsonNode Child)>? containers = null;
        List<(string Name, StixTimestamp Value)>? rounded = null;
        foreach (var (name, child) in node)
        {
            if (child is JsonObject or JsonArray)
            {
                (containers ??= []).Add((name, child));
            }
            else if (_names.Contains(name) && child is JsonValue value && value.TryGetValue(out string? text)
                && StixTimestamp.TryParse(text, out var timestamp, out _))
            {
                (rounded ??= []).Add((name, timestamp.Value));
            }
        }

        if (rounded is not null)
        {
            foreach (var (name, timestamp) in rounded)
            {
                var floor = Granularity.Floor(timestamp.UnixMicroseconds);
                if (floor != timestamp.UnixMicroseconds)
                {
                    node[name] = Format(floor, timestamp.FractionDigits);
                }

                SetPrecision(node, name, liaisonScope);
            }

            foreach (var (earlier, later, strict) in _pairs)
            {
                if (strict && node[earlier] is JsonValue e && e.TryGetValue(out string? a) && node[later] is JsonValue l && l.TryGetValue(out string? b)
                    && StixTimestamp.TryParse(a, out var start, out _) && StixTimestamp.TryParse(b, out var end, out _) && end <= start)
                {
                    node[later] = Format(start.Value.UnixMicroseconds + Granularity.Microseconds, end.Value.FractionDigits);
                }
            }
        }

        if (containers is not null)
        {
            foreach (var (name, child) in containers)
            {
                if (topLevel && name == "extensions" && child is JsonObject extensions)
                {
                    foreach (var (id, body) in extensions)
                    {
                        if (body is JsonObject inner)
                        {
                            Round(inner, LiaisonExtensions.Instance.TryGetExtension(id, out _), topLevel: false);
                        }
                    }
                }
                else
                {
                    Recurse(child, liaisonScope);
                }
            }
        }
    }

    private void Recurse(JsonNode child, bool liaisonScope)
    {
        if (child is JsonObject inner)
        {
            Round(inner, liaisonScope, topLevel: false);
        }
        else if (child is JsonArray list)
        {
            foreach (var element in list)
            {
                if (element is not null)
                {
                    Recurse(element, liaisonScope);
                }
            }
        }
    }

    private void SetPrecision(JsonObject node, string name, bool liaisonScope)
    {
        var sibling = name + "_precision";
        var word = Granularity.PrecisionWord;
        if (node[sibling] is JsonValue value && value.TryGetValue(out string? existing))
        {
            if (Array.IndexOf(PrecisionOrder, existing) < Array.IndexOf(PrecisionOrder, word))
            {
                node[sibling] = word;
            }
        }
        else if (liaisonScope && PrecisionSiblings.Contains(name) && word != "second" && !node.ContainsKey(sibling))
        {
            node[sibling] = word;
        }
    }

    private static string Format(long unixMicroseconds, int fractionDigits)
    {
        var instant = DateTimeOffset.UnixEpoch.AddTicks(unixMicroseconds * 10);
        var text = instant.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return fractionDigits == 0 ? text + "Z" : string.Concat(text, ".", new string('0', fractionDigits), "Z");
    }
}
