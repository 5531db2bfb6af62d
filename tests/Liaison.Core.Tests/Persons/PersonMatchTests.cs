using Liaison.Core.Persons;
using Liaison.Core.Stix;

namespace Liaison.Core.Tests.Persons;

public sealed class PersonMatchTests
{
    private static readonly PersonMatchKey FraRus = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly PersonMatchKey FraUsa = new(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    private static readonly StixTimestamp ReviewBy = StixTimestamp.Parse("2016-06-15T00:00:00Z");

    private static readonly PersonRecord[] RussianRecords =
    [
        new("identity--4f74ae25-ed2e-4d67-b671-ea7e604279c4", ["Абу Умар", "Abu Umar"], 1988, ReviewBy),
        new("identity--9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", ["Шамиль Басаев"], 1965, ReviewBy),
        new("identity--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", ["Мухаммад Хасан"], null, ReviewBy),
    ];

    /// <summary>Deterministic padding: a counter in the first bytes.</summary>
    private static Action<Span<byte>> Counter()
    {
        var next = 0;
        return bytes =>
        {
            bytes.Clear();
            BitConverter.TryWriteBytes(bytes, ++next);
        };
    }

    private static PersonMatchAnswer Ask(PersonMatchKey asker, PersonMatchKey answerer, int birthYear, params string[] names) =>
        new PersonMatchIndex(answerer, RussianRecords).Answer(PersonMatchQuery.Create("q-1", names, birthYear, asker));

    [Fact]
    public void A_french_spelling_matches_a_record_held_in_cyrillic()
    {
        Assert.True(Ask(FraRus, FraRus, 1988, "Abou Omar").Match);
        Assert.True(Ask(FraRus, FraRus, 1965, "Chamil Bassaïev").Match);
        Assert.True(Ask(FraRus, FraRus, 1988, "أبو عمر").Match);
    }

    [Fact]
    public void A_different_birth_year_does_not_match() => Assert.False(Ask(FraRus, FraRus, 1989, "Abou Omar").Match);

    [Fact]
    public void A_record_without_a_birth_year_never_matches() => Assert.False(Ask(FraRus, FraRus, 1990, "Muhammad Hasan").Match);

    [Fact]
    public void A_query_made_with_another_partners_key_does_not_match() => Assert.False(Ask(FraUsa, FraRus, 1988, "Abou Omar").Match);

    [Fact]
    public void Every_query_has_the_same_shape_whatever_the_person()
    {
        var one = PersonMatchQuery.Create("q-1", ["Abou Omar"], 1988, FraRus);
        var many = PersonMatchQuery.Create("q-2", ["Abu Bakr al-Baghdadi", "أبو بكر البغدادي", "Абу Бакр аль-Багдади", "Ibrahim Awad Ibrahim al-Badri"], 1971, FraRus);

        Assert.Equal(PersonMatchQuery.TagCount, one.Tags.Count);
        Assert.Equal(PersonMatchQuery.TagCount, many.Tags.Count);
        Assert.All(one.Tags.Concat(many.Tags), tag => Assert.Matches("^[0-9a-f]{64}$", tag));
        Assert.Equal(one.Tags.Order(StringComparer.Ordinal), one.Tags);
    }

    [Fact]
    public void A_miss_and_a_match_have_the_same_shape_and_say_nothing_else()
    {
        var match = Ask(FraRus, FraRus, 1988, "Abou Omar");
        var miss = Ask(FraRus, FraRus, 1988, "Jean Dupont");

        Assert.Equal(new PersonMatchAnswer("q-1", true), match);
        Assert.Equal(new PersonMatchAnswer("q-1", false), miss);
        Assert.Equal(["Match", "QueryId"], typeof(PersonMatchAnswer).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_of_two_partners_give_disjoint_tags_for_the_same_person()
    {
        var forRus = PersonMatchQuery.Create("q", ["Abou Omar"], 1988, FraRus, Counter());
        var forUsa = PersonMatchQuery.Create("q", ["Abou Omar"], 1988, FraUsa, Counter());

        // The padding is the same counter for both, so only the real tags can differ: none is shared.
        Assert.InRange(forRus.Tags.Intersect(forUsa.Tags).Count(), PersonMatchQuery.TagCount - NameKeys.MaxKeysPerName, PersonMatchQuery.TagCount - 1);
        var padding = forRus.Tags.Intersect(forUsa.Tags).ToHashSet();
        Assert.Empty(forRus.Tags.Except(padding).Intersect(forUsa.Tags.Except(padding)));
    }

    [Fact]
    public void Padding_is_fresh_for_every_query()
    {
        var a = PersonMatchQuery.Create("q", ["Abou Omar"], 1988, FraRus);
        var b = PersonMatchQuery.Create("q", ["Abou Omar"], 1988, FraRus);

        // Only the real tags (at most one per name key) recur; the rest is new randomness each time.
        Assert.InRange(a.Tags.Intersect(b.Tags).Count(), 1, NameKeys.MaxKeysPerName);
    }

    [Theory]
    [InlineData(null, 64, "query_id must be")]
    [InlineData("q 1", 64, "query_id must be")]
    [InlineData("q-1", 63, "exactly 64 tags, not 63")]
    public void A_malformed_query_from_a_partner_is_refused_with_a_reason(string? id, int count, string reason)
    {
        var tags = Enumerable.Repeat(new string('a', 64), count).ToList();
        Assert.False(PersonMatchQuery.TryCreate(id, tags, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_that_is_not_hex_is_refused_at_its_index()
    {
        var tags = Enumerable.Repeat(new string('a', 64), 64).ToList();
        tags[7] = new string('A', 64);
        Assert.False(PersonMatchQuery.TryCreate("q", tags, out _, out var problem));
        Assert.Equal("tags[7] must be 64 lower-case hexadecimal digits", problem);
    }

    [Fact]
    public void A_random_source_that_repeats_itself_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => PersonMatchQuery.Create("q", ["Abou Omar"], 1988, FraRus, s => s.Clear()));

    [Fact]
    public void A_short_key_is_misuse() => Assert.Throws<ArgumentException>(() => new PersonMatchKey(new byte[16]));
}
