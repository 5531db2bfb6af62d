using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Liaison.Core.Canonical;

namespace Liaison.Core.Tests.Canonical;

// Randomised: on failure CsCheck reports the shrunk case and the seed; pass it as `seed:` to Sample to replay.
// Each case also draws an int used to seed System.Random for spelling choices, so one CsCheck seed replays all.
public sealed class CanonicalJsonPropertyTests
{
    private const long Iterations = 3_000;

    private static byte[] Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CanonicalJson.Canonicalize(document.RootElement);
    }

    [Fact]
    public void Canonicalising_canonical_json_changes_nothing()
    {
        Gen.Select(JsonModel.Values, Gen.Int).Sample(
            (value, seed) =>
            {
                var once = Canonical(value.ToJson(new Random(seed)));
                var twice = Canonical(Encoding.UTF8.GetString(once));
                Assert.Equal(once, twice);
            },
            iter: Iterations);
    }

    [Fact]
    public void Neither_member_order_nor_spelling_changes_the_output()
    {
        Gen.Select(JsonModel.Values, Gen.Int).Sample(
            (value, seed) =>
            {
                var random = new Random(seed);
                var original = Canonical(value.ToJson(random));
                var reordered = Canonical(value.Shuffled(random).ToJson(random));
                Assert.Equal(original, reordered);
            },
            iter: Iterations);
    }

    [Fact]
    public void The_output_holds_the_same_value_as_the_input()
    {
        Gen.Select(JsonModel.Values, Gen.Int).Sample(
            (value, seed) =>
            {
                using var output = JsonDocument.Parse(Canonical(value.ToJson(new Random(seed))));
                value.AssertSameValue(output.RootElement);
            },
            iter: Iterations);
    }

    [Fact]
    public void Every_finite_double_is_written_in_ecmascript_form_and_parses_back_to_itself()
    {
        JsonModel.Doubles.Sample(
            value =>
            {
                var text = Encoding.ASCII.GetString(Canonical(value.ToString("R", CultureInfo.InvariantCulture)));

                Assert.Equal(value == 0 ? 0.0 : value, double.Parse(text, CultureInfo.InvariantCulture));
                Assert.DoesNotContain('E', text);
                Assert.False(value == 0 && text != "0", $"zero must be written as 0, not {text}");
                Assert.True(text.IndexOf('+', StringComparison.Ordinal) < 0 || text.Contains("e+", StringComparison.Ordinal), text);
                var mantissa = text.Split('e')[0];
                Assert.False(mantissa.Contains('.', StringComparison.Ordinal) && mantissa.EndsWith('0'), $"trailing zero in {text}");
            },
            iter: 20_000);
    }

    [Fact]
    public void Member_names_compare_in_utf16_code_unit_order_on_their_utf8_bytes()
    {
        Gen.Select(JsonModel.Strings, JsonModel.Strings).Sample(
            (left, right) =>
            {
                var expected = Math.Sign(string.CompareOrdinal(left, right));
                var actual = Math.Sign(MemberNameComparer.CompareUtf16Order(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right)));
                Assert.Equal(expected, actual);
            },
            iter: 20_000);
    }
}
