using Liaison.Core.Persons;

namespace Liaison.Core.Tests.Persons;

public sealed class NameKeysTests
{
    private static bool Match(string a, string b) => NameKeys.Of(a).Intersect(NameKeys.Of(b)).Any();

    [Theory]
    [InlineData("Mohammed Hassan", "Muhammad Hasan")]
    [InlineData("Mohamed Hassan", "Hassan Mohamed")]
    [InlineData("Mohammed Hassan", "محمد حسن")]
    [InlineData("مُحَمَّد حَسَن", "Muhammad Hasan")]
    [InlineData("Мухаммад Хасан", "Muhammad Hasan")]
    [InlineData("Мухаммад Хасан", "محمد حسن")]
    [InlineData("Abu Umar", "Абу Умар")]
    [InlineData("Abou Omar", "أبو عمر")]
    [InlineData("Abd al-Qadir", "Abdelkader")]
    [InlineData("Abdelkader", "عبد القادر")]
    [InlineData("Abdallah", "Abdullah")]
    [InlineData("Abdullah", "عبدالله")]
    [InlineData("Chamil Bassaïev", "Shamil Basayev")]
    [InlineData("Шамиль Басаев", "Shamil Basayev")]
    [InlineData("Abu Bakr al-Baghdadi", "أبو بكر البغدادي")]
    [InlineData("Абу Бакр аль-Багдади", "Abu Bakr el-Baghdadi")]
    [InlineData("Oussama ben Laden", "Osama bin Laden")]
    [InlineData("Khalid", "Халид")]
    [InlineData("Marwan", "مروان")]
    [InlineData("Yusuf", "يوسف")]
    [InlineData("Fatima", "Fatimah")]
    [InlineData("Fatima", "فاطمة")]
    [InlineData("Ahmed ad-Din", "Ahmad Din")]
    [InlineData("MOHAMMED  HASSAN", "mohammed hassan")]
    [InlineData("Ｍｏｈａｍｅｄ", "Mohamed")]
    [InlineData("Qasim", "قاسم")]
    [InlineData("Uthman", "عثمان")]
    [InlineData("Usman", "عثمان")]
    public void Spellings_of_one_name_across_scripts_and_variants_share_a_key(string a, string b) => Assert.True(Match(a, b), $"{string.Join('|', NameKeys.Of(a))} vs {string.Join('|', NameKeys.Of(b))}");

    [Theory]
    [InlineData("Mohammed Hassan", "Mohammed Khalil")]
    [InlineData("Abu Umar", "Abu Bakr")]
    [InlineData("Шамиль Басаев", "Шамиль Гаджиев")]
    [InlineData("Mohammed Hassan Ali", "Mohammed Hassan")]
    public void Different_names_share_no_key(string a, string b) => Assert.False(Match(a, b));

    [Fact]
    public void A_patronymic_is_optional()
    {
        Assert.True(Match("Ахмед Закаевич Мусаев", "Akhmed Musaev"));
        Assert.True(Match("Ахмед Закаевич Мусаев", "Akhmed Zakayevich Musayev"));
    }

    [Fact]
    public void Keys_are_sorted_skeletons()
    {
        Assert.Equal("hsn mhmd", NameKeys.Of("Muhammad Hasan")[0]);
        Assert.Equal("Sml bsv", NameKeys.Of("Chamil Bassaïev")[0]);
    }

    [Fact]
    public void A_name_without_letters_has_no_key() => Assert.Empty(NameKeys.Of(" - ' "));

    [Fact]
    public void Keys_are_bounded() =>
        Assert.InRange(NameKeys.Of("ثوذق ثوذق ثوذق ثوذق ثوذق").Count, 1, NameKeys.MaxKeysPerName);
}
