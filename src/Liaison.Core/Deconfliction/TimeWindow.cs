using Liaison.Core.Stix;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// A half-open time window <c>[Start, End)</c> in Unix microseconds: the start belongs to it, the end does not, so
/// two windows that follow each other (one ends when the next starts) do not overlap. <see cref="long.MinValue"/> and
/// <see cref="long.MaxValue"/> stand for an open start and an open end. Never empty.
/// </summary>
public readonly record struct TimeWindow
{
    /// <summary>Creates a window; throws <see cref="ArgumentException"/> unless <paramref name="startUs"/> &lt; <paramref name="endUs"/>.</summary>
    public TimeWindow(long startUs, long endUs)
    {
        Preconditions.CheckArgument(startUs < endUs, "a time window's end must be after its start");
        StartUs = startUs;
        EndUs = endUs;
    }

    /// <summary>All of time: what a protected site without a validity window is protected for.</summary>
    public static TimeWindow Always { get; } = new(long.MinValue, long.MaxValue);

    /// <summary>The first instant inside (Unix microseconds), or <see cref="long.MinValue"/> for an open start.</summary>
    public long StartUs { get; }

    /// <summary>The first instant after (Unix microseconds), or <see cref="long.MaxValue"/> for an open end.</summary>
    public long EndUs { get; }

    /// <summary>Whether <paramref name="instantUs"/> is inside.</summary>
    public bool Contains(long instantUs) => StartUs <= instantUs && instantUs < EndUs;

    /// <summary>
    /// How far apart the two windows are in microseconds: the time from the end of the earlier to the start of the
    /// later, 0 when one starts as the other ends, negative when they overlap.
    /// </summary>
    public long GapUs(TimeWindow other) => Math.Max(Subtract(other.StartUs, EndUs), Subtract(StartUs, other.EndUs));

    /// <summary>The window grown by <paramref name="marginUs"/> on each side (open ends stay open).</summary>
    public TimeWindow Widen(long marginUs) => new(Subtract(StartUs, marginUs), Add(EndUs, marginUs));

    /// <summary>The part inside both, or null when they do not overlap.</summary>
    public TimeWindow? Intersect(TimeWindow other)
    {
        var start = Math.Max(StartUs, other.StartUs);
        var end = Math.Min(EndUs, other.EndUs);
        return start < end ? new TimeWindow(start, end) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Show(StartUs)}, {Show(EndUs)})";

    /// <summary>An instant as a STIX timestamp, or "open" for an unbounded end.</summary>
    public static string Show(long instantUs) =>
        instantUs is long.MinValue or long.MaxValue ? "open" : StixTimestamp.FromUnixMicroseconds(instantUs).Text;

    // Saturating arithmetic: an open end moved by a buffer is still open, and nothing overflows.
    private static long Add(long a, long b) => a is long.MinValue or long.MaxValue ? a : Clamp((Int128)a + b);

    private static long Subtract(long a, long b)
    {
        if (a is long.MinValue or long.MaxValue)
        {
            return a;
        }

        return b switch
        {
            long.MaxValue => long.MinValue,
            long.MinValue => long.MaxValue,
            _ => Clamp((Int128)a - b),
        };
    }

    private static long Clamp(Int128 value) => value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
}
