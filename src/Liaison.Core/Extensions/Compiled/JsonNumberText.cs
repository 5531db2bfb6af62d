namespace Liaison.Core.Extensions.Compiled;

/// <summary>
/// Exact comparison of two JSON number literals (RFC 8259 grammar, as <see cref="System.Text.Json"/> has already
/// checked them), digit by digit: no rounding through <see cref="double"/> or <see cref="decimal"/>. This is how
/// JsonSchema.Net compares against <c>minimum</c> and <c>maximum</c>: <c>6.0000000000000000000000000001</c> is above
/// 6, <c>1e-400</c> above 0, <c>1e400</c> above any limit.
/// </summary>
internal static class JsonNumberText
{
    /// <summary>Negative, zero or positive as <paramref name="left"/> is below, equal to or above <paramref name="right"/>.</summary>
    public static int Compare(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var a = new Literal(left);
        var b = new Literal(right);
        if (a.Sign != b.Sign)
        {
            return a.Sign.CompareTo(b.Sign);
        }

        if (a.Sign == 0)
        {
            return 0;
        }

        var magnitude = CompareMagnitudes(a, b);
        return a.Sign > 0 ? magnitude : -magnitude;
    }

    private static int CompareMagnitudes(in Literal a, in Literal b)
    {
        // Both are 0.d1d2... x 10^Point with d1 > 0, so the larger point is the larger number.
        if (a.Point != b.Point)
        {
            return a.Point.CompareTo(b.Point);
        }

        var length = Math.Max(a.Significant, b.Significant);
        for (var k = 0; k < length; k++)
        {
            var difference = a.Digit(k) - b.Digit(k);
            if (difference != 0)
            {
                return difference;
            }
        }

        return 0;
    }

    /// <summary>A literal as sign, significant digits (integer then fraction digits, leading zeros skipped) and point.</summary>
    private readonly ref struct Literal
    {
        // Exponents beyond this are clamped: no JSON text can carry enough digits to make the difference matter.
        private const long ExponentLimit = 1_000_000_000_000_000;

        private readonly ReadOnlySpan<byte> _integer;
        private readonly ReadOnlySpan<byte> _fraction;
        private readonly int _lead;

        public Literal(ReadOnlySpan<byte> text)
        {
            var i = 0;
            var negative = text[0] == (byte)'-';
            if (negative)
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                i++;
            }

            _integer = text[start..i];
            _fraction = default;
            if (i < text.Length && text[i] == (byte)'.')
            {
                start = ++i;
                while (i < text.Length && char.IsAsciiDigit((char)text[i]))
                {
                    i++;
                }

                _fraction = text[start..i];
            }

            long exponent = 0;
            if (i < text.Length && (text[i] | 0x20) == (byte)'e')
            {
                i++;
                var negativeExponent = text[i] == (byte)'-';
                if (text[i] is (byte)'-' or (byte)'+')
                {
                    i++;
                }

                for (; i < text.Length; i++)
                {
                    exponent = Math.Min(exponent * 10 + (text[i] - '0'), ExponentLimit);
                }

                exponent = negativeExponent ? -exponent : exponent;
            }

            var all = _integer.Length + _fraction.Length;
            var lead = 0;
            while (lead < all && DigitAt(lead) == 0)
            {
                lead++;
            }

            _lead = lead;
            Significant = all - lead;
            Sign = Significant == 0 ? 0 : negative ? -1 : 1;
            Point = _integer.Length - lead + exponent;
        }

        /// <summary>-1, 0 or 1 (-0 is 0).</summary>
        public int Sign { get; }

        /// <summary>The number of digits from the first non-zero one, trailing zeros included.</summary>
        public int Significant { get; }

        /// <summary>Where the decimal point sits relative to the first significant digit.</summary>
        public long Point { get; }

        /// <summary>The k-th significant digit; 0 past the end.</summary>
        public int Digit(int k) => k < Significant ? DigitAt(_lead + k) : 0;

        private int DigitAt(int index) =>
            (index < _integer.Length ? _integer[index] : _fraction[index - _integer.Length]) - '0';
    }
}
