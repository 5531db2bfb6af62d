using Liaison.Core.Text;

namespace Liaison.Core.Tests.Text;

public sealed class UnicodeFoldingTests
{
    [Theory]
    [InlineData("Bassaïev", "bassaiev")]
    [InlineData("  Chérif   ÇA  ", "cherif ca")]
    [InlineData("Straße Œuvre Łódź", "strasse oeuvre lodz")]
    [InlineData("ﬁfty Ｍｏｈａｍｅｄ", "fifty mohamed")]
    [InlineData("ХАСАН", "хасан")]
    [InlineData("İbrahim", "ibrahim")]
    public void Latin_and_cyrillic_fold_to_plain_lower_case(string text, string folded) => Assert.Equal(folded, UnicodeFolding.Fold(text));

    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمنة", "امنه")]
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("محـــمد", "محمد")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("ﻣﺤﻤﺪ", "محمد")]
    [InlineData("٢٥", "25")]
    [InlineData("\u200Fعلي\u200D", "علي")]
    public void Arabic_variants_fold_to_one_spelling(string text, string folded) => Assert.Equal(folded, UnicodeFolding.Fold(text));
}
