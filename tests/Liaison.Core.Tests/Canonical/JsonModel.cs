using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Liaison.Core.Tests.Canonical;

/// <summary>A JSON value built by the property tests, written out in many equivalent spellings.</summary>
internal abstract record JsonModel
{
    public sealed record Null : JsonModel;

    public sealed record Bool(bool Value) : JsonModel;

    public sealed record Number(double Value) : JsonModel;

    public sealed record Text(string Value) : JsonModel;

    public sealed record Array(JsonModel[] Items) : JsonModel;

    public sealed record Object((string Name, JsonModel Value)[] Members) : JsonModel;

    /// <summary>Finite doubles of every magnitude, plus the small integers and decimals STIX is full of.</summary>
    public static readonly Gen<double> Doubles = Gen.Frequency(
        (3, Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)),
        (2, Gen.Double.Where(double.IsFinite)),
        (2, Gen.Int[-1_000_000, 1_000_000].Select(i => (double)i)),
        (2, Gen.Select(Gen.Int, Gen.Int[0, 12], (m, e) => m / Math.Pow(10, e))),
        (1, Gen.OneOf<double>(0.0, -0.0, 1e21, 1e20, 1e-6, 1e-7, double.Epsilon, double.MaxValue, -double.MaxValue)));

    /// <summary>Valid Unicode text weighted towards what JSON escaping and UTF-16 ordering get wrong.</summary>
    public static readonly Gen<string> Strings = Gen.Frequency(
            (6, Gen.Int[0x20, 0x7E]),
            (2, Gen.Int[0x00, 0x1F]),
            (1, Gen.OneOf<int>('"', '\\', '/', 0x7F, 0x2028, 0x2029, 0xFEFF, 0xFFFF)),
            (2, Gen.Int[0x80, 0xD7FF]),
            (2, Gen.Int[0xE000, 0xFFFF]),
            (2, Gen.Int[0x10000, 0x10FFFF]))
        .Array[0, 8]
        .Select(codePoints =>
        {
            var text = new StringBuilder();
            foreach (var codePoint in codePoints)
            {
                text.Append(char.ConvertFromUtf32(codePoint));
            }

            return text.ToString();
        });

    private static readonly Gen<JsonModel> Leaves = Gen.Frequency<JsonModel>(
        (1, Gen.Const<JsonModel>(new Null())),
        (1, Gen.Bool.Select(b => (JsonModel)new Bool(b))),
        (3, Doubles.Select(d => (JsonModel)new Number(d))),
        (3, Strings.Select(s => (JsonModel)new Text(s))));

    /// <summary>Trees up to four levels deep; object names are unique, as I-JSON requires.</summary>
    public static readonly Gen<JsonModel> Values = Gen.Recursive<JsonModel>((depth, values) =>
        depth >= 4
            ? Leaves
            : Gen.Frequency(
                (3, Leaves),
                (1, values.Array[0, 5].Select(items => (JsonModel)new Array(items))),
                (1, Gen.Select(Strings, values).Array[0, 6].Select(members => (JsonModel)new Object(Unique(members))))));

    /// <summary>The same value with every object's members in another order.</summary>
    public JsonModel Shuffled(Random random) => this switch
    {
        Array a => new Array([.. a.Items.Select(item => item.Shuffled(random))]),
        Object o => new Object([.. o.Members.Select(m => (m.Name, m.Value.Shuffled(random))).OrderBy(_ => random.Next())]),
        _ => this,
    };

    /// <summary>
    /// Writes the value as JSON, choosing at random (from <paramref name="random"/>) among equivalent spellings:
    /// whitespace, <c>\uXXXX</c> or short escapes in either case, <c>\/</c>, and several number notations.
    /// </summary>
    public string ToJson(Random random)
    {
        var json = new StringBuilder();
        Write(json, random);
        return json.ToString();
    }

    /// <summary>Asserts that <paramref name="element"/> holds this value, numbers compared as doubles.</summary>
    public void AssertSameValue(JsonElement element)
    {
        switch (this)
        {
            case Null:
                Assert.Equal(JsonValueKind.Null, element.ValueKind);
                break;
            case Bool b:
                Assert.Equal(b.Value, element.GetBoolean());
                break;
            case Number n:
                Assert.Equal(n.Value == 0 ? 0 : n.Value, element.GetDouble());
                break;
            case Text t:
                Assert.Equal(t.Value, element.GetString());
                break;
            case Array a:
                Assert.Equal(a.Items.Length, element.GetArrayLength());
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    a.Items[index++].AssertSameValue(item);
                }

                break;
            case Object o:
                Assert.Equal(o.Members.Length, element.EnumerateObject().Count());
                foreach (var (name, value) in o.Members)
                {
                    Assert.True(element.TryGetProperty(name, out var member), $"member '{name}' is missing");
                    value.AssertSameValue(member);
                }

                break;
        }
    }

    private static (string Name, JsonModel Value)[] Unique((string Name, JsonModel Value)[] members) =>
        [.. members.DistinctBy(m => m.Name, StringComparer.Ordinal)];

    private void Write(StringBuilder json, Random random)
    {
        Space(json, random);
        switch (this)
        {
            case Null:
                json.Append("null");
                break;
            case Bool b:
                json.Append(b.Value ? "true" : "false");
                break;
            case Number n:
                json.Append(Spell(n.Value, random));
                break;
            case Text t:
                WriteString(json, t.Value, random);
                break;
            case Array a:
                json.Append('[');
                for (var i = 0; i < a.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        json.Append(',');
                    }

                    a.Items[i].Write(json, random);
                }

                Space(json, random);
                json.Append(']');
                break;
            case Object o:
                json.Append('{');
                for (var i = 0; i < o.Members.Length; i++)
                {
                    if (i > 0)
                    {
                        json.Append(',');
                    }

                    Space(json, random);
                    WriteString(json, o.Members[i].Name, random);
                    Space(json, random);
                    json.Append(':');
                    o.Members[i].Value.Write(json, random);
                }

                Space(json, random);
                json.Append('}');
                break;
        }

        Space(json, random);
    }

    private static void Space(StringBuilder json, Random random)
    {
        if (random.Next(4) == 0)
        {
            json.Append(" \n\t\r"[random.Next(4)]);
        }
    }

    private static string Spell(double value, Random random)
    {
        var c = CultureInfo.InvariantCulture;
        return random.Next(5) switch
        {
            0 => value.ToString("E16", c),
            1 => value.ToString("G17", c).ToLowerInvariant(),
            2 when value == Math.Floor(value) && Math.Abs(value) < 1e15 => value.ToString("F1", c),
            3 => value.ToString("E16", c).Replace("E+", "e", StringComparison.Ordinal),
            _ => value.ToString("R", c),
        };
    }

    private static void WriteString(StringBuilder json, string value, Random random)
    {
        json.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            var escapeAnyway = random.Next(8) == 0;
            switch (rune.Value)
            {
                case '"' or '\\':
                    json.Append(escapeAnyway ? $"\\u{rune.Value:X4}" : $"\\{(char)rune.Value}");
                    break;
                case '/' when escapeAnyway:
                    json.Append("\\/");
                    break;
                case '\n' when !escapeAnyway:
                    json.Append("\\n");
                    break;
                case '\t' when !escapeAnyway:
                    json.Append("\\t");
                    break;
                case < ' ':
                    Escape(json, rune, random);
                    break;
                default:
                    if (escapeAnyway)
                    {
                        Escape(json, rune, random);
                    }
                    else
                    {
                        json.Append(rune.ToString());
                    }

                    break;
            }
        }

        json.Append('"');
    }

    // \uXXXX for each UTF-16 code unit (a surrogate pair for a supplementary character), in either case.
    private static void Escape(StringBuilder json, Rune rune, Random random)
    {
        Span<char> units = stackalloc char[2];
        var count = rune.EncodeToUtf16(units);
        var format = random.Next(2) == 0 ? "X4" : "x4";
        foreach (var unit in units[..count])
        {
            json.Append("\\u").Append(((int)unit).ToString(format, CultureInfo.InvariantCulture));
        }
    }
}
