namespace Liaison.Core.Claims;

public static partial class VagueQuantities
{
    // The ranges are Liaison's convention, documented in docs/claims.md. Each low end is the conservative reading:
    // the smallest number a careful reader can hold the source to ("plusieurs" is at least two); for "tens", "dozens"
    // and "hundreds" it is ACLED's coding (10, 12, 100). The best value is the usual reading; the high end is the
    // largest number for which a source would still have used these words rather than the next ones up.
    private static readonly FigureRange None = new(0, 0, 0);
    private static readonly FigureRange AFew = new(2, 3, 5);
    private static readonly FigureRange Several = new(2, 5, 9);
    private static readonly FigureRange Many = new(10, 20, 99);
    private static readonly FigureRange AboutTen = new(8, 10, 12);
    private static readonly FigureRange ADozen = new(10, 12, 14);
    private static readonly FigureRange Tens = new(10, 30, 99);
    private static readonly FigureRange Dozens = new(12, 36, 99);
    private static readonly FigureRange AboutAHundred = new(80, 100, 120);
    private static readonly FigureRange Hundreds = new(100, 300, 999);
    private static readonly FigureRange Thousands = new(1000, 3000, 9999);

    /// <summary>Every phrase <see cref="Interpret"/> knows, with its language and numbers.</summary>
    public static IReadOnlyList<VagueTerm> Terms { get; } =
    [
        new("none", "en", None), new("no one", "en", None), new("nobody", "en", None),
        new("aucun", "fr", None), new("aucune", "fr", None),
        new("لا أحد", "ar", None),
        new("a few", "en", AFew), new("few", "en", AFew),
        new("quelques", "fr", AFew),
        new("بضعة", "ar", AFew), new("بضع", "ar", AFew), new("عدد قليل", "ar", AFew),
        new("several", "en", Several), new("a number of", "en", Several),
        new("plusieurs", "fr", Several), new("un certain nombre", "fr", Several),
        new("عدة", "ar", Several), new("عدد من", "ar", Several),
        new("many", "en", Many), new("numerous", "en", Many),
        new("de nombreux", "fr", Many), new("de nombreuses", "fr", Many), new("nombreux", "fr", Many), new("nombreuses", "fr", Many), new("beaucoup", "fr", Many),
        new("كثير", "ar", Many), new("كثيرون", "ar", Many), new("العديد", "ar", Many),
        new("une dizaine", "fr", AboutTen),
        new("a dozen", "en", ADozen), new("une douzaine", "fr", ADozen),
        new("tens", "en", Tens), new("des dizaines", "fr", Tens), new("dizaines", "fr", Tens), new("عشرات", "ar", Tens),
        new("dozens", "en", Dozens), new("des douzaines", "fr", Dozens),
        new("a hundred", "en", AboutAHundred), new("une centaine", "fr", AboutAHundred),
        new("hundreds", "en", Hundreds), new("des centaines", "fr", Hundreds), new("centaines", "fr", Hundreds), new("مئات", "ar", Hundreds),
        new("thousands", "en", Thousands), new("des milliers", "fr", Thousands), new("milliers", "fr", Thousands), new("آلاف", "ar", Thousands),
    ];

    // Qualifiers before a number: "about 25" → 25 ± 10 %, "at least 6" → 6, "more than 20" → 21, "between 3 and 5" → 3-5.
    private static readonly string[] About =
        ["about", "around", "approximately", "nearly", "almost", "some", "environ", "près de", "presque", "quelque", "autour de", "حوالي", "نحو", "قرابة", "زهاء"];

    private static readonly string[] AtLeast = ["at least", "au moins", "pas moins de", "على الأقل", "لا يقل عن"];

    private static readonly string[] MoreThan = ["more than", "over", "plus de", "أكثر من"];

    private static readonly string[] Between = ["between", "entre", "بين"];

    private static readonly string[] And = ["and", "to", "et", "a", "و"];

    // Number words: English 0-20 and the tens, French 1-20 ("zero" serves both) and the tens to 60 (compounds such as "vingt-cinq" add up),
    // Arabic 1-10 in both genders.
    private static readonly (string Word, int Value)[] NumberWords =
    [
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50),
        ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
        ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("sept", 7), ("huit", 8),
        ("neuf", 9), ("dix", 10), ("onze", 11), ("douze", 12), ("treize", 13), ("quatorze", 14), ("quinze", 15), ("seize", 16),
        ("vingt", 20), ("trente", 30), ("quarante", 40), ("cinquante", 50), ("soixante", 60),
        ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتان", 2), ("ثلاثة", 3), ("ثلاث", 3), ("أربعة", 4), ("أربع", 4),
        ("خمسة", 5), ("خمس", 5), ("ستة", 6), ("ست", 6), ("سبعة", 7), ("سبع", 7), ("ثمانية", 8), ("ثماني", 8), ("تسعة", 9),
        ("تسع", 9), ("عشرة", 10), ("عشر", 10),
    ];
}
