using System.Globalization;

namespace Liaison.Core.Canonical;

/// <summary>
/// Formats a finite IEEE-754 double exactly as ECMAScript's <c>Number.prototype.toString()</c> does
/// (ECMA-262 §6.1.6.1.20, Number::toString), which is what RFC 8785 §3.2.2.3 prescribes for JSON numbers.
/// </summary>
/// <remarks>
/// The shortest round-trip digits come from .NET's <c>"R"</c> format (shortest round-trip since .NET Core 3.0);
/// only their layout is redone here, because .NET writes <c>1E+30</c>, <c>1E+20</c> and <c>1E-05</c> where
/// ECMAScript writes <c>1e+30</c>, <c>100000000000000000000</c> and <c>0.00001</c>.
/// </remarks>
internal static class EcmaScriptNumber
{
    /// <summary>Longest output: a sign, "0.00000" and 17 digits, or a sign, 17 digits, ".", "e-324".</summary>
    public const int MaxLength = 32;

    /// <summary>Writes <paramref name="value"/> (finite) as ASCII into <paramref name="destination"/>; returns the length.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        Preconditions.CheckArgument(double.IsFinite(value), "only finite doubles have an ECMAScript JSON form");
        Preconditions.CheckArgument(destination.Length >= MaxLength, "the destination must hold MaxLength bytes");

        if (value == 0)
        {
            // Covers -0, which ECMAScript prints as "0".
            destination[0] = (byte)'0';
            return 1;
        }

        Span<byte> text = stackalloc byte[MaxLength];
        if (!value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a double's round-trip text did not fit in 32 bytes");
        }

        // Decompose .NET's text ("-1.2345E+30", "0.002", "333333333.3333333") into the ECMAScript
        // terms: digits d1..dk without leading or trailing zeros, and n such that value = 0.d1..dk × 10^n.
        Span<byte> digits = stackalloc byte[MaxLength];
        var k = 0;
        var i = 0;
        var negative = text[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        var integerDigits = 0;
        var leadingZeros = 0;
        var afterPoint = false;
        for (; i < length; i++)
        {
            var c = text[i];
            if (c == (byte)'.')
            {
                afterPoint = true;
            }
            else if (c is >= (byte)'0' and <= (byte)'9')
            {
                if (!afterPoint)
                {
                    integerDigits++;
                }

                if (k == 0 && c == (byte)'0')
                {
                    leadingZeros++;
                }
                else
                {
                    digits[k++] = c;
                }
            }
            else
            {
                break;
            }
        }

        var exponent = 0;
        if (i < length && (text[i] == (byte)'E' || text[i] == (byte)'e'))
        {
            i++;
            var exponentNegative = text[i] == (byte)'-';
            if (text[i] is (byte)'-' or (byte)'+')
            {
                i++;
            }

            for (; i < length; i++)
            {
                exponent = (exponent * 10) + (text[i] - '0');
            }

            if (exponentNegative)
            {
                exponent = -exponent;
            }
        }

        while (k > 1 && digits[k - 1] == (byte)'0')
        {
            k--;
        }

        var n = integerDigits - leadingZeros + exponent;
        return Layout(negative, digits[..k], n, destination);
    }

    // ECMA-262 Number::toString steps 6-10 for value = 0.d1..dk × 10^n (k ≥ 1, d1 ≠ 0, dk ≠ 0).
    private static int Layout(bool negative, ReadOnlySpan<byte> digits, int n, Span<byte> destination)
    {
        var k = digits.Length;
        var p = 0;
        if (negative)
        {
            destination[p++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            // Integer: the digits, then n - k zeros (1e20 -> 100000000000000000000).
            digits.CopyTo(destination[p..]);
            p += k;
            destination.Slice(p, n - k).Fill((byte)'0');
            return p + n - k;
        }

        if (0 < n && n <= 21)
        {
            // Decimal point inside the digits (333333333.3333333).
            digits[..n].CopyTo(destination[p..]);
            p += n;
            destination[p++] = (byte)'.';
            digits[n..].CopyTo(destination[p..]);
            return p + k - n;
        }

        if (-6 < n && n <= 0)
        {
            // Small fraction: "0.", -n zeros, the digits (0.000001, 0.002).
            destination[p++] = (byte)'0';
            destination[p++] = (byte)'.';
            destination.Slice(p, -n).Fill((byte)'0');
            p += -n;
            digits.CopyTo(destination[p..]);
            return p + k;
        }

        // Exponent form: d1[.d2..dk]e±(n-1), lower-case e, always a sign (1e+21, 1.5e-7).
        destination[p++] = digits[0];
        if (k > 1)
        {
            destination[p++] = (byte)'.';
            digits[1..].CopyTo(destination[p..]);
            p += k - 1;
        }

        destination[p++] = (byte)'e';
        var e = n - 1;
        destination[p++] = e < 0 ? (byte)'-' : (byte)'+';
        e = Math.Abs(e);
        if (e >= 100)
        {
            destination[p++] = (byte)('0' + (e / 100));
        }

        if (e >= 10)
        {
            destination[p++] = (byte)('0' + (e / 10 % 10));
        }

        destination[p++] = (byte)('0' + (e % 10));
        return p;
    }
}
