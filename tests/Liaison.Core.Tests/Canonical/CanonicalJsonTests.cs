using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Liaison.Core.Canonical;

namespace Liaison.Core.Tests.Canonical;

public sealed class CanonicalJsonTests
{
    internal static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encoding.UTF8.GetString(CanonicalJson.Canonicalize(document.RootElement));
    }

    // RFC 8785 §3.2.2 and §3.2.4: the sample object, its canonical text, and its UTF-8 bytes in hex.
    [Fact]
    public void The_rfc_8785_sample_object_canonicalises_to_the_published_text_and_bytes()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""";
        const string expectedHex =
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a" +
            "5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d3237" +
            "5d2c22737472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d";

        using var document = JsonDocument.Parse(input);
        var bytes = CanonicalJson.Canonicalize(document.RootElement);

        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.Equal(expectedHex, Convert.ToHexStringLower(bytes));
    }

    // RFC 8785 §3.2.3: names compare as UTF-16 code units, so U+1F600 (D83D DE00) sorts before U+FB33.
    [Fact]
    public void Members_are_sorted_by_utf16_code_units_as_in_the_rfc_8785_sorting_example()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        const string expected =
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\"," +
            "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\"," +
            "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";

        Assert.Equal(expected, Canonical(input));
    }

    // RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript text.
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Numbers_match_the_rfc_8785_appendix_b_vectors(ulong bits, string expected)
    {
        var value = BitConverter.UInt64BitsToDouble(bits);

        // Through the public API, from the shortest text that parses back to these bits ...
        Assert.Equal(expected, Canonical(value.ToString("R", CultureInfo.InvariantCulture)));

        // ... and through the formatter alone, from the bits themselves.
        Span<byte> buffer = stackalloc byte[EcmaScriptNumber.MaxLength];
        var length = EcmaScriptNumber.Format(value, buffer);
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer[..length]));
    }

    [Theory]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("1E21", "1e+21")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("-0e5", "0")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("1e-6", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.1", "0.1")]
    [InlineData("100", "100")]
    [InlineData("1.0", "1")]
    [InlineData("12.50", "12.5")]
    [InlineData("2.5E2", "250")]
    [InlineData("999999999999999", "999999999999999")]
    [InlineData("-999999999999999", "-999999999999999")]
    [InlineData("1234567890123456789", "1234567890123456800")]
    [InlineData("123456789012345678901234", "1.2345678901234569e+23")]
    [InlineData("1e-400", "0")]
    public void Numbers_are_written_as_ecmascript_writes_their_double(string json, string expected) =>
        Assert.Equal(expected, Canonical(json));

    [Fact]
    public void Strings_escape_only_quote_backslash_and_c0_controls_with_the_rfc_8785_forms()
    {
        var controls = new StringBuilder();
        for (var c = 0; c < 0x20; c++)
        {
            controls.Append(CultureInfo.InvariantCulture, $"\\u{c:X4}");
        }

        var canonical = Canonical($"\"{controls}\"");

        Assert.Equal(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f" +
            "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"",
            canonical);
    }

    [Theory]
    [InlineData("\"\\/\"", "\"/\"")]
    [InlineData("\"\\u007f\"", "\"\u007f\"")]
    [InlineData("\"\\u2028\\u2029\"", "\"\u2028\u2029\"")]
    [InlineData("\"\\u00E9t\\u00e9\"", "\"été\"")]
    [InlineData("\"\\uD83D\\uDE00\"", "\"😀\"")]
    [InlineData("\"\\\"\\\\\"", "\"\\\"\\\\\"")]
    [InlineData("\"<script>&'\"", "\"<script>&'\"")]
    [InlineData("\"A\\u030a\"", "\"A\u030a\"")]
    public void Everything_else_is_written_as_raw_utf8_without_normalisation(string json, string expected) =>
        Assert.Equal(expected, Canonical(json));

    [Fact]
    public void Whitespace_disappears_and_nested_objects_are_sorted_while_arrays_keep_their_order()
    {
        const string input = """
             { "b" : [ 3 , 1 , { "z" : true , "a" : null } ] ,
               "a" : { "y" : "\u0041" , "x" : [ ] , "" : { } } }
            """;

        Assert.Equal("""{"a":{"":{},"x":[],"y":"A"},"b":[3,1,{"a":null,"z":true}]}""", Canonical(input));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(200)]
    public void Small_and_large_objects_sort_their_members_in_ordinal_utf16_order(int count)
    {
        // JSON spellings: the names reach the parser escaped, including a NUL and two supplementary characters.
        string[] alphabet = ["a", "B", "_", @"\u00e9", @"\uffee", @"\ud83d\ude00", @"\ud800\udc00", "z9", @"\u0000"];
        var names = new List<string>();
        for (var i = 0; names.Count < count; i++)
        {
            names.Add(alphabet[i % alphabet.Length] + alphabet[i / alphabet.Length % alphabet.Length] + (i / 81).ToString(CultureInfo.InvariantCulture));
        }

        names.Reverse();
        var json = "{" + string.Join(",", names.Select((name, i) => $"\"{name}\":{i}")) + "}";
        using var document = JsonDocument.Parse(json);
        var decoded = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        using var canonical = JsonDocument.Parse(CanonicalJson.Canonicalize(document.RootElement));

        decoded.Sort(string.CompareOrdinal);
        Assert.Equal(decoded, canonical.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Escaped_and_unescaped_spellings_of_a_member_name_sort_and_print_the_same()
    {
        Assert.Equal(Canonical("""{"b\u00e9":1,"\u0061":2}"""), Canonical("""{"bé":1,"a":2}"""));
    }

    [Theory]
    [InlineData("[1, {\"a\": 1e400}]", "$[1].a")]
    [InlineData("{\"x\": [-1E400]}", "$.x[0]")]
    [InlineData("{\"objects\": [{}, {}, {\"extensions\": {\"x-acme-ext\": {\"score\": 1e309}}}]}", "$.objects[2].extensions['x-acme-ext'].score")]
    public void A_number_beyond_the_double_range_is_refused_naming_its_path(string json, string path)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<CanonicalizationException>(() => CanonicalJson.Canonicalize(document.RootElement));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("IEEE-754", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"\\ud800\"}", "$.name")]
    [InlineData("{\"name\": \"ok \\udc00 tail\"}", "$.name")]
    [InlineData("{\"name\": \"\\ud83dA\"}", "$.name")]
    [InlineData("{\"name\": \"\\ud83d\\ud83d\"}", "$.name")]
    [InlineData("[\"fine\", {\"a b\": [\"\\ude00\"]}]", "$[1]['a b'][0]")]
    [InlineData("{\"a\": {\"\\ud800\": 1}}", "$.a")]
    public void A_lone_surrogate_is_refused_naming_its_path(string json, string path)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<CanonicalizationException>(() => CanonicalJson.Canonicalize(document.RootElement));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Unicode", error.Message, StringComparison.Ordinal);
    }

    // System.Text.Json does not validate UTF-8 inside strings it does not decode, so canonicalisation must.
    [Theory]
    [InlineData(new byte[] { (byte)'[', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)']' }, "$[0]", "the string")]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' }, "$.a", "the string")]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, "$", "a member name")]
    public void Invalid_utf8_that_the_parser_let_through_is_refused(byte[] json, string path, string what)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<CanonicalizationException>(() => CanonicalJson.Canonicalize(document.RootElement));

        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_member_name_is_refused_even_when_spelled_differently()
    {
        using var document = JsonDocument.Parse("""{"outer": {"id": 1, "i\u0064": 2}}""");

        var error = Assert.Throws<CanonicalizationException>(() => CanonicalJson.Canonicalize(document.RootElement));

        Assert.Equal("$.outer", error.JsonPath);
        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_element_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Canonicalize(default(JsonElement)));
    }

    [Fact]
    public void The_buffer_writer_overload_appends_the_same_bytes_even_across_many_buffer_growths()
    {
        var big = new StringBuilder("{\"z\":[");
        for (var i = 0; i < 20_000; i++)
        {
            big.Append(CultureInfo.InvariantCulture, $"{i * 1.25},\"\\u00e9\\n{i}\",");
        }

        big.Append("0],\"a\":\"").Append('x', 100_000).Append("\"}");
        using var document = JsonDocument.Parse(big.ToString());
        var output = new ArrayBufferWriter<byte>(1);
        output.Write("prefix"u8);

        CanonicalJson.Canonicalize(document.RootElement, output);

        var expected = CanonicalJson.Canonicalize(document.RootElement);
        byte[] expectedOutput = [.. "prefix"u8, .. expected];
        Assert.Equal(expectedOutput, output.WrittenSpan.ToArray());
        Assert.StartsWith("{\"a\":\"xxx", Encoding.UTF8.GetString(expected), StringComparison.Ordinal);
    }
}
