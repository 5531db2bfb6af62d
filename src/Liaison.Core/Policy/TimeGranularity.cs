using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Liaison.Core.Policy;

/// <summary>
/// How coarse released timestamps are: a whole number of seconds, minutes, hours or days, written <c>30s</c>,
/// <c>1m</c>, <c>15m</c>, <c>1h</c>, <c>6h</c>, <c>1d</c>. Rounding is anchored at the Unix epoch (midnight UTC), so
/// hours and days fall on UTC clock boundaries. Immutable; at least one second, at most 366 days.
/// </summary>
public readonly record struct TimeGranularity
{
    private const long MicrosPerSecond = 1_000_000;

    private TimeGranularity(long microseconds) => Microseconds = microseconds;

    /// <summary>One minute.</summary>
    public static TimeGranularity Minute => new(60 * MicrosPerSecond);

    /// <summary>One hour.</summary>
    public static TimeGranularity Hour => new(3600 * MicrosPerSecond);

    /// <summary>One day.</summary>
    public static TimeGranularity Day => new(86_400 * MicrosPerSecond);

    /// <summary>The step in microseconds.</summary>
    public long Microseconds { get; }

    /// <summary>The step as a time span.</summary>
    public TimeSpan Span => TimeSpan.FromMicroseconds(Microseconds);

    /// <summary>
    /// The coarsest Liaison <c>time-precision</c> word (<c>second</c>, <c>minute</c>, <c>hour</c>, <c>day</c>) whose unit the
    /// step is a whole multiple of, e.g. <c>hour</c> for 6h and <c>minute</c> for 90m.
    /// </summary>
    public string PrecisionWord => Microseconds % Day.Microseconds == 0 ? "day"
        : Microseconds % Hour.Microseconds == 0 ? "hour"
        : Microseconds % Minute.Microseconds == 0 ? "minute"
        : "second";

    /// <summary>A granularity of a whole number of seconds.</summary>
    /// <exception cref="ArgumentException"><paramref name="span"/> is not whole seconds within [1 s, 366 d].</exception>
    public static TimeGranularity FromTimeSpan(TimeSpan span)
    {
        var micros = span.Ticks / 10;
        Preconditions.CheckArgument(span.Ticks % (10 * MicrosPerSecond) == 0 && micros >= MicrosPerSecond && micros <= 366 * Day.Microseconds,
            "a time granularity is a whole number of seconds, from 1 s to 366 d");
        return new TimeGranularity(micros);
    }

    /// <summary>Parses <c>N</c> followed by <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c>; throws <see cref="FormatException"/> when malformed.</summary>
    public static TimeGranularity Parse(string text) =>
        TryParse(text, out var value, out var reason) ? value : throw new FormatException(reason);

    /// <summary>Parses <c>N</c> followed by <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c>, or says why it cannot.</summary>
    public static bool TryParse(string? text, out TimeGranularity value, [NotNullWhen(false)] out string? reason)
    {
        value = default;
        var unit = string.IsNullOrEmpty(text) ? '\0' : text[^1];
        var seconds = unit switch { 's' => 1L, 'm' => 60L, 'h' => 3600L, 'd' => 86_400L, _ => 0L };
        if (seconds == 0 || !long.TryParse(text.AsSpan(0, text!.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            reason = $"'{text}' is not a time granularity: write a positive whole number and a unit, s, m, h or d (e.g. 15m, 1h, 1d)";
            return false;
        }

        if (count > 366 * 86_400 / seconds)
        {
            reason = $"'{text}' is longer than the 366 days a granularity may be";
            return false;
        }

        value = new TimeGranularity(count * seconds * MicrosPerSecond);
        reason = null;
        return true;
    }

    /// <summary>The last step boundary at or before <paramref name="unixMicroseconds"/>.</summary>
    public long Floor(long unixMicroseconds) => unixMicroseconds - (((unixMicroseconds % Microseconds) + Microseconds) % Microseconds);

    /// <inheritdoc />
    public override string ToString()
    {
        var seconds = Microseconds / MicrosPerSecond;
        return seconds % 86_400 == 0 ? $"{seconds / 86_400}d"
            : seconds % 3600 == 0 ? $"{seconds / 3600}h"
            : seconds % 60 == 0 ? $"{seconds / 60}m"
            : $"{seconds}s";
    }
}
