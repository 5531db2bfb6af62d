using Liaison.Core.Claims;

namespace Liaison.Core.Tests.Claims;

public sealed class VagueQuantitiesTests
{
    [Theory]
    [InlineData("plusieurs", 2, 5, 9)]
    [InlineData("plusieurs personnes blessées", 2, 5, 9)]
    [InlineData("PLUSIEURS", 2, 5, 9)]
    [InlineData("several", 2, 5, 9)]
    [InlineData("عدة", 2, 5, 9)]
    [InlineData("عِدَّة جرحى", 2, 5, 9)]
    [InlineData("quelques", 2, 3, 5)]
    [InlineData("a few", 2, 3, 5)]
    [InlineData("بضعة", 2, 3, 5)]
    [InlineData("dozens", 12, 36, 99)]
    [InlineData("des dizaines", 10, 30, 99)]
    [InlineData("عشرات", 10, 30, 99)]
    [InlineData("many", 10, 20, 99)]
    [InlineData("de nombreux blessés", 10, 20, 99)]
    [InlineData("une dizaine", 8, 10, 12)]
    [InlineData("des centaines", 100, 300, 999)]
    [InlineData("مئات", 100, 300, 999)]
    [InlineData("آلاف", 1000, 3000, 9999)]
    [InlineData("aucun", 0, 0, 0)]
    public void Vague_words_map_to_their_documented_range(string text, int low, int best, int high) =>
        Assert.Equal(new FigureRange(low, best, high), VagueQuantities.Interpret(text));

    [Theory]
    [InlineData("25", 25)]
    [InlineData("de 25 blessés", 25)]
    [InlineData("٢٥", 25)]
    [InlineData("trois filles", 3)]
    [InlineData("deux autres", 2)]
    [InlineData("un civil", 1)]
    [InlineData("vingt-cinq", 25)]
    [InlineData("twenty five", 25)]
    [InlineData("soixante-dix", 70)]
    [InlineData("خمسة", 5)]
    [InlineData("au moins six civils", 6)]
    [InlineData("at least 6", 6)]
    [InlineData("على الأقل ستة", 6)]
    [InlineData("plus de 20", 21)]
    [InlineData("more than twenty", 21)]
    [InlineData("2 900", 2900)]
    public void Numbers_in_digits_or_words_are_exact(string text, int value) =>
        Assert.Equal(FigureRange.Exactly(value), VagueQuantities.Interpret(text));

    [Theory]
    [InlineData("about 25", 23, 25, 27)]
    [InlineData("près de 2 900", 2610, 2900, 3190)]
    [InlineData("حوالي 30", 27, 30, 33)]
    [InlineData("about 5", 5, 5, 5)]
    [InlineData("between 3 and 5", 3, 4, 5)]
    [InlineData("entre 10 et 20", 10, 15, 20)]
    [InlineData("بين 4 و 8", 4, 6, 8)]
    [InlineData("بين 4 و8", 4, 6, 8)]
    [InlineData("3-5", 3, 4, 5)]
    [InlineData("5 to 3", 3, 4, 5)]
    public void Qualified_numbers_become_ranges(string text, int low, int best, int high) =>
        Assert.Equal(new FigureRange(low, best, high), VagueQuantities.Interpret(text));

    [Theory]
    [InlineData("des blessés")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("99999999")]
    public void Words_without_a_known_reading_give_no_number(string text) => Assert.Null(VagueQuantities.Interpret(text));

    [Fact]
    public void A_phrase_wins_over_the_number_word_inside_it() => Assert.Equal(new FigureRange(8, 10, 12), VagueQuantities.Interpret("une dizaine de morts"));

    [Fact]
    public void Every_documented_term_reads_as_its_own_range()
    {
        foreach (var term in VagueQuantities.Terms)
        {
            Assert.True(term.Range == VagueQuantities.Interpret(term.Phrase), $"{term.Phrase} ({term.Language})");
        }
    }
}
