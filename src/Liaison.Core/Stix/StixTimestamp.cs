using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Liaison.Core.Stix;

/// <summary>
/// A STIX timestamp: RFC 3339 in UTC, <c>YYYY-MM-DDTHH:MM:SS[.fraction]Z</c>. The original text is kept so that a
/// round trip never changes precision; ordering and storage use whole microseconds since the Unix epoch (digits
/// beyond the sixth fractional one are kept in <see cref="Text"/> but do not order versions).
/// </summary>
public readonly struct StixTimestamp : IEquatable<StixTimestamp>, IComparable<StixTimestamp>
{
    private const long MicrosecondsPerSecond = 1_000_000;

    private StixTimestamp(string text, long unixMicroseconds, int fractionDigits)
    {
        Text = text;
        UnixMicroseconds = unixMicroseconds;
        FractionDigits = fractionDigits;
    }

    /// <summary>The timestamp exactly as written.</summary>
    public string Text { get; }

    /// <summary>Microseconds since 1970-01-01T00:00:00Z (a leap second 60 counts as 59.999999).</summary>
    public long UnixMicroseconds { get; }

    /// <summary>How many fractional-second digits the text carries (0 when it has none).</summary>
    public int FractionDigits { get; }

    /// <summary>The instant, to the microsecond (UTC).</summary>
    public DateTimeOffset Instant => DateTimeOffset.UnixEpoch.AddTicks(UnixMicroseconds * 10);

    /// <summary>
    /// The version stamp to write after <paramref name="previous"/>: <paramref name="candidate"/> when it is later, else
    /// the millisecond after <paramref name="previous"/> (rounding can give a new version the stamp of the last one, and a
    /// version must be later).
    /// </summary>
    public static StixTimestamp VersionAfter(StixTimestamp previous, StixTimestamp candidate) =>
        candidate > previous ? candidate : FromUnixMicroseconds(previous.UnixMicroseconds - (previous.UnixMicroseconds % 1000) + 1000);

    /// <summary>Microseconds since the Unix epoch of an instant (truncated): the unit the store and TAXII count in.</summary>
    public static long UnixMicrosecondsOf(DateTimeOffset instant) => (instant - DateTimeOffset.UnixEpoch).Ticks / 10;

    /// <summary>Makes a timestamp with millisecond precision (the STIX minimum for created/modified).</summary>
    public static StixTimestamp FromDateTimeOffset(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Parse(text);
    }

    /// <summary>Makes a timestamp with microsecond precision from microseconds since the Unix epoch.</summary>
    public static StixTimestamp FromUnixMicroseconds(long unixMicroseconds)
    {
        var instant = DateTimeOffset.UnixEpoch.AddTicks(unixMicroseconds * 10);
        var text = instant.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return new StixTimestamp(text, unixMicroseconds, 6);
    }

    /// <summary>Parses a STIX timestamp; throws <see cref="FormatException"/> with the reason when invalid.</summary>
    public static StixTimestamp Parse(string text) =>
        TryParse(text, out var value, out var reason) ? value.Value : throw new FormatException(reason);

    /// <summary>Parses a STIX timestamp, or returns a reason a person can act on.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StixTimestamp? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        if (text is null)
        {
            reason = "a timestamp must be a string";
            return false;
        }

        var s = text.AsSpan();
        // Fixed part: YYYY-MM-DDTHH:MM:SS (19 characters), then an optional fraction, then 'Z'.
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[^1] != 'Z'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            reason = $"'{Shorten(text)}' is not an RFC 3339 UTC timestamp of the form YYYY-MM-DDTHH:MM:SS[.s+]Z";
            return false;
        }

        var fraction = s[19..^1];
        long micros = 0;
        var fractionDigits = 0;
        if (!fraction.IsEmpty)
        {
            if (fraction[0] != '.' || fraction.Length == 1)
            {
                reason = $"'{Shorten(text)}' has a malformed fractional second (expected '.' and at least one digit before 'Z')";
                return false;
            }

            fractionDigits = fraction.Length - 1;
            for (var i = 1; i < fraction.Length; i++)
            {
                var c = fraction[i];
                if (c is < '0' or > '9')
                {
                    reason = $"'{Shorten(text)}' has a non-digit '{c}' in its fractional second";
                    return false;
                }

                if (i <= 6)
                {
                    micros = (micros * 10) + (c - '0');
                }
            }

            for (var i = fractionDigits; i < 6; i++)
            {
                micros *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            reason = $"'{Shorten(text)}' is not a valid calendar date and time";
            return false;
        }

        // RFC 3339 allows a leap second; .NET cannot represent it, so it sorts just before the next second.
        var leap = second == 60;
        var dateTime = new DateTime(year, month, day, hour, minute, leap ? 59 : second, DateTimeKind.Utc);
        var unixSeconds = (long)(dateTime - DateTime.UnixEpoch).TotalSeconds;
        var unixMicros = (unixSeconds * MicrosecondsPerSecond) + (leap ? 999_999 : micros);
        value = new StixTimestamp(text, unixMicros, fractionDigits);
        reason = null;
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(StixTimestamp other) => UnixMicroseconds.CompareTo(other.UnixMicroseconds);

    /// <summary>Two timestamps are equal when they denote the same microsecond, whatever their written precision.</summary>
    public bool Equals(StixTimestamp other) => UnixMicroseconds == other.UnixMicroseconds;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StixTimestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => UnixMicroseconds.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Text;

#pragma warning disable CS1591 // Comparison operators mean what they say.
    public static bool operator ==(StixTimestamp left, StixTimestamp right) => left.Equals(right);
    public static bool operator !=(StixTimestamp left, StixTimestamp right) => !left.Equals(right);
    public static bool operator <(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) < 0;
    public static bool operator >(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) > 0;
    public static bool operator <=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) <= 0;
    public static bool operator >=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
