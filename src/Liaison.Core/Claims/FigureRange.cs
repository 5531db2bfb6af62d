using System.Globalization;

namespace Liaison.Core.Claims;

/// <summary>
/// A number of people as an interval with a central value: 0 ≤ <see cref="Low"/> ≤ <see cref="Best"/> ≤
/// <see cref="High"/>. An exact figure N is [N, N, N]; vague wording ("plusieurs") is a wider interval. Immutable.
/// </summary>
public readonly record struct FigureRange
{
    /// <summary>Creates a range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The values are negative or not ordered low ≤ best ≤ high.</exception>
    public FigureRange(int low, int best, int high)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(low);
        ArgumentOutOfRangeException.ThrowIfLessThan(best, low);
        ArgumentOutOfRangeException.ThrowIfLessThan(high, best);
        Low = low;
        Best = best;
        High = high;
    }

    /// <summary>The smallest number the wording allows.</summary>
    public int Low { get; }

    /// <summary>The single number that best represents the wording.</summary>
    public int Best { get; }

    /// <summary>The largest number the wording allows.</summary>
    public int High { get; }

    /// <summary>Whether the range is one number.</summary>
    public bool IsExact => Low == High;

    /// <summary>The range of an exact figure.</summary>
    public static FigureRange Exactly(int count) => new(count, count, count);

    /// <summary><c>8</c> for an exact figure, else <c>2–9 (best 5)</c>.</summary>
    public override string ToString() => IsExact
        ? Low.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Low}–{High} (best {Best})");
}
