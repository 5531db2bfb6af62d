using System.Globalization;

namespace Liaison.Core.Claims;

/// <summary>
/// What one source said about one figure: a number, or its own words when it gave none ("plusieurs", "dozens"), or
/// nothing at all (the source did not speak about it). Words are read with <see cref="VagueQuantities"/>; wording that
/// table does not know is kept but counts for nothing. Immutable.
/// </summary>
public sealed class ReportedFigure
{
    /// <summary>Creates a figure from what the claim holds.</summary>
    /// <param name="number">The source's number, when it gave one (it wins over <paramref name="text"/>).</param>
    /// <param name="text">The source's words, when it gave no exact number.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number is negative.</exception>
    public ReportedFigure(int? number, string? text)
    {
        if (number is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n);
        }

        Number = number;
        Text = string.IsNullOrWhiteSpace(text) ? null : text;
        Range = number is { } exact ? FigureRange.Exactly(exact) : Text is null ? null : VagueQuantities.Interpret(Text);
    }

    /// <summary>A figure the source did not give.</summary>
    public static ReportedFigure Silent { get; } = new(null, null);

    /// <summary>The source's number.</summary>
    public int? Number { get; }

    /// <summary>The source's own words.</summary>
    public string? Text { get; }

    /// <summary>The numbers the figure stands for; null when silent or when the words are not understood.</summary>
    public FigureRange? Range { get; }

    /// <summary>Whether the source said anything about this figure.</summary>
    public bool IsStated => Number is not null || Text is not null;

    /// <summary>Whether the source used words that <see cref="VagueQuantities"/> cannot turn into numbers.</summary>
    public bool IsUnreadable => IsStated && Range is null;

    /// <summary><c>8</c>, <c>"plusieurs" (2–9, best 5)</c>, <c>"des blessés" (not understood)</c> or <c>-</c>.</summary>
    public override string ToString() =>
        Number is { } n ? n.ToString(CultureInfo.InvariantCulture)
        : Text is null ? "-"
        : Range is { } range ? $"\"{Text}\" ({range})"
        : $"\"{Text}\" (not understood)";
}
