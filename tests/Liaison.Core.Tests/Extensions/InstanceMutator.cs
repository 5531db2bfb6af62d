using System.Globalization;
using System.Text.Json.Nodes;

namespace Liaison.Core.Tests.Extensions;

/// <summary>
/// Breaks a valid instance near its schema's boundaries, one seeded edit per step: drop a property or an item, add an
/// unknown or a known property, put in a value of another type, nudge a number across a bound, bend a string (a
/// trailing newline, one character more or less, a combining accent), swap in an enum word that takes another
/// <c>if</c> branch, or graft a piece of another instance (nested objects in lists, lists where objects were).
/// </summary>
internal sealed class InstanceMutator(IReadOnlyList<JsonNode> donors)
{
    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "1.0", "2.5", "1e2", "1E+2", "0.1e1", "1e400", "-1e400", "1e-400",
        "6", "7", "6.0000000000000000000000000001", "180", "180.0000000000000000001", "-180", "-180.5", "90", "90.5", "-90",
        "-11000", "-11000.0001", "100000", "100000.0000000001", "1000000", "1000001", "1900", "2100", "2101", "0.0",
        "9223372036854775807", "9223372036854775808", "1.0000000000000000001", "0.000000000000000000000000000001",
        "\"\"", "\" \"", "\"x\"", "\"\\n\"", "\"e\\u0301\"", "\"\\ud83d\\ude00\"", "\"\\r\\n\"", "\"\\u0061\"",
        "\"2015-12-14T09:30:00Z\"", "\"2015-12-14T09:30:00.123456Z\"", "\"2015-12-14T24:00:00Z\"", "\"2015-12-14T23:59:60Z\"",
        "\"2015-02-30T00:00:00Z\"", "\"2015-12-14T09:30:00+01:00\"", "\"2015-12-14 09:30:00Z\"", "\"2015-12-14T09:30:00Z\\n\"",
        "\"identity--86f834a7-790a-48fe-966d-245b75888bc7\"", "\"identity--86F834A7-790A-48FE-966D-245B75888BC7\"",
        "\"identity--86f834a7-790a-68fe-966d-245b75888bc7\"", "\"location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3\"",
        "\"threat-actor--40cebc78-15ef-4394-87ee-ce362b998b34\"", "\"x-liaison-ledger-checkpoint--bd6a2a9e-4377-44eb-961a-1ce0b164e1a8\"",
        "\"0fb1b14b762b900e2fbf581c6d255d32a98adc6ea1a818f02f78ecddd89c1578\"", "\"0FB1B14B762B900E2FBF581C6D255D32A98ADC6EA1A818F02F78ECDDD89C1578\"",
        "\"a-b\"", "\"a--b\"", "\"-ab\"", "\"Ab\"", "\"fr\"", "\"ar-SY\"", "\"ar_SY\"", "\"RU\"", "\"RUS\"", "\"Latn\"", "\"LATN\"",
        "\"AAEC\"", "\"AAE=C\"", "\"key:1/+=\"", "\"key id\"", "[]", "{}", "[1]", "[\"a\", \"a\"]", "[[1, 2]]", "{\"type\": \"Point\"}",
    ];

    private static readonly string[] Words =
    [
        "air", "sea", "land", "space", "surface", "Polygon", "MultiPolygon", "LineString", "Point", "Circle", "planned", "active",
        "cancelled", "open", "answered", "overdue", "closed", "property-extension", "new-sdo", "A", "C", "F", "G", "hospital",
        "aid-convoy", "none-observed", "possible", "confirmed", "destroyed", "day", "second", "days", "radio", "oil-transport",
        "x-liaison-activity-notice", "x-liaison-rfi", "x-liaison-receipt", "x-liaison-strike-assessment", "incident",
    ];

    private static readonly string[] Names =
    [
        "x_custom", "x_", "x_Upper", "X_custom", "bogus", "extension_type", "type", "id", "extensions", "spec_version", "labels",
        "name", "description", "domain", "area", "altitude_band", "lower_m", "upper_m", "width_m", "radius_m", "bbox", "coordinates",
        "claims", "killed", "injured", "killed_text", "quote", "answer_refs", "status", "checkpoint", "checkpoint_ref", "consistency",
        "entries", "from_size", "path", "peaks", "encoded", "received", "content_hash", "names", "script", "nationalities",
        "birth_year", "review_by", "category", "valid_from", "reliability", "rationale", "civilian_harm", "assessment", "contact",
        "channel", "address", "overlap", "contacts", "protected_category", "notice_ref", "mission", "unit", "created",
    ];

    /// <summary>A mutated copy of <paramref name="seed"/>: one edit per entry of <paramref name="plan"/> (each an edit's own seed).</summary>
    public JsonNode Mutate(JsonNode seed, IEnumerable<int> plan)
    {
        var root = seed.DeepClone();
        foreach (var step in plan)
        {
            Edit(root, new Random(step));
        }

        return root;
    }

    private void Edit(JsonNode root, Random random)
    {
        var spots = Spot.All(root);
        var spot = spots[random.Next(spots.Count)];
        switch (random.Next(9))
        {
            case 0 when spot.Parent is not null:
                spot.Remove();
                break;
            case 1 or 0:
                var objects = spots.Where(s => s.Value is JsonObject).ToList();
                var target = (JsonObject)objects[random.Next(objects.Count)].Value!;
                target[Names[random.Next(Names.Length)]] = Value(random);
                break;
            case 2:
                spot.Replace(JsonNode.Parse(Scalars[random.Next(Scalars.Length)]), root);
                break;
            case 3:
                spot.Replace(Nudge(spot.Value, random), root);
                break;
            case 4:
                spot.Replace(Graft(random), root);
                break;
            case 5 when spot.Value is JsonArray array:
                EditArray(array, random);
                break;
            case 6:
                spot.Replace(JsonValue.Create(Words[random.Next(Words.Length)]), root);
                break;
            default:
                var arrays = spots.Where(s => s.Value is JsonArray).ToList();
                if (arrays.Count > 0)
                {
                    EditArray((JsonArray)arrays[random.Next(arrays.Count)].Value!, random);
                }

                break;
        }
    }

    private JsonNode? Value(Random random) => random.Next(3) switch
    {
        0 => JsonNode.Parse(Scalars[random.Next(Scalars.Length)]),
        1 => JsonValue.Create(Words[random.Next(Words.Length)]),
        _ => Graft(random),
    };

    private JsonNode? Graft(Random random)
    {
        var spots = Spot.All(donors[random.Next(donors.Count)]);
        return spots[random.Next(spots.Count)].Value?.DeepClone();
    }

    private void EditArray(JsonArray array, Random random)
    {
        switch (random.Next(5))
        {
            case 0 when array.Count > 0:
                array.Add(array[random.Next(array.Count)]?.DeepClone());
                break;
            case 1:
                array.Clear();
                break;
            case 2 when array.Count > 0:
                array.RemoveAt(array.Count - 1);
                break;
            case 3:
                array.Add(JsonNode.Parse("""{ "type": "Point", "coordinates": [1, 2] }"""));
                break;
            default:
                array.Add(Value(random));
                break;
        }
    }

    private static JsonNode? Nudge(JsonNode? node, Random random)
    {
        if (node is not JsonValue value)
        {
            return JsonNode.Parse(Scalars[random.Next(Scalars.Length)]);
        }

        var text = value.ToJsonString();
        if (value.TryGetValue<string>(out var s))
        {
            string[] bent =
            [
                s + "\n", s + "x", s.Length > 0 ? s[..^1] : "x", s.ToUpperInvariant(), s.ToLowerInvariant(), " " + s, s + "\u0301",
                s.Length > 1 ? s[1..] : s, s.Replace('0', '9'), s.Replace("Z", "z", StringComparison.Ordinal), s + "\ud83d\ude00",
            ];
            return JsonValue.Create(bent[random.Next(bent.Length)]);
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "false");
        }

        var hasPoint = text.Contains('.', StringComparison.Ordinal);
        var hasExponent = text.Contains('e', StringComparison.OrdinalIgnoreCase);
        var number = double.Parse(text, CultureInfo.InvariantCulture);
        var finite = double.IsFinite(number);
        string[] nudged =
        [
            hasPoint || hasExponent ? text : text + ".0",
            text.StartsWith('-') ? text[1..] : "-" + text,
            hasExponent ? text : text + "e0",
            hasExponent ? text : hasPoint ? text + "0000000000000000000001" : text + ".0000000000000000000001",
            finite ? (number + 1).ToString("R", CultureInfo.InvariantCulture) : "0",
            finite ? (number - 1).ToString("R", CultureInfo.InvariantCulture) : "0",
            finite ? (number * 1.5).ToString("R", CultureInfo.InvariantCulture) : "0",
        ];
        return JsonNode.Parse(nudged[random.Next(nudged.Length)]);
    }

    /// <summary>A place in the tree: the root, a property of an object or an item of an array (null values included).</summary>
    private sealed record Spot(JsonNode? Parent, string? Key, int Index, JsonNode? Value)
    {
        public static List<Spot> All(JsonNode root)
        {
            var spots = new List<Spot>();
            Collect(new Spot(null, null, -1, root), spots);
            return spots;
        }

        public void Remove()
        {
            if (Parent is JsonObject obj)
            {
                obj.Remove(Key!);
            }
            else if (Parent is JsonArray array)
            {
                array.RemoveAt(Index);
            }
        }

        /// <summary>Puts <paramref name="value"/> here; the root itself is never replaced (an extension body stays an object more often than not).</summary>
        public void Replace(JsonNode? value, JsonNode root)
        {
            if (Parent is JsonObject obj)
            {
                obj[Key!] = value;
            }
            else if (Parent is JsonArray array)
            {
                array[Index] = value;
            }
            else if (root is JsonObject top && value is not null)
            {
                top["x_custom"] = value;
            }
        }

        private static void Collect(Spot spot, List<Spot> spots)
        {
            spots.Add(spot);
            switch (spot.Value)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        Collect(new Spot(obj, key, -1, child), spots);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Collect(new Spot(array, null, i, array[i]), spots);
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
