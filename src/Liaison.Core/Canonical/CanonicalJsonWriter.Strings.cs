using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Liaison.Core.Canonical;

internal ref partial struct CanonicalJsonWriter
{
    // RFC 8785 §3.2.2.2: only '"', '\' and the C0 controls are escaped; everything else is written as UTF-8.
    private static readonly SearchValues<byte> s_mustEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f"u8 +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\"u8);

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Writes a string value given its raw token, quotes included.</summary>
    private void WriteStringValue(ReadOnlySpan<byte> token)
    {
        var raw = token[1..^1];
        if (raw.IndexOf((byte)'\\') < 0)
        {
            // Unescaped raw text holds no '"', '\' or control (the parser refuses them), so it is already canonical.
            if (!Utf8.IsValid(raw))
            {
                throw InvalidText(isName: false);
            }

            Ensure(raw.Length + 2);
            _span[_position++] = (byte)'"';
            raw.CopyTo(_span[_position..]);
            _position += raw.Length;
            _span[_position++] = (byte)'"';
            return;
        }

        // Decode into free arena space (not reserved: nothing else uses it before the bytes are written out).
        var length = UnescapeIntoArena(raw, isName: false);
        WriteEscapedString(_scratch.Names.AsSpan(_namesUsed, length));
    }

    /// <summary>Writes decoded UTF-8 text as a canonical JSON string, quotes included.</summary>
    private void WriteEscapedString(ReadOnlySpan<byte> text)
    {
        WriteByte((byte)'"');
        while (true)
        {
            var next = text.IndexOfAny(s_mustEscape);
            if (next < 0)
            {
                WriteBytes(text);
                break;
            }

            WriteBytes(text[..next]);
            Ensure(6);
            var c = text[next];
            _span[_position++] = (byte)'\\';
            switch (c)
            {
                case (byte)'"' or (byte)'\\':
                    _span[_position++] = c;
                    break;
                case 0x08:
                    _span[_position++] = (byte)'b';
                    break;
                case 0x09:
                    _span[_position++] = (byte)'t';
                    break;
                case 0x0A:
                    _span[_position++] = (byte)'n';
                    break;
                case 0x0C:
                    _span[_position++] = (byte)'f';
                    break;
                case 0x0D:
                    _span[_position++] = (byte)'r';
                    break;
                default:
                    _span[_position++] = (byte)'u';
                    _span[_position++] = (byte)'0';
                    _span[_position++] = (byte)'0';
                    _span[_position++] = HexDigits[c >> 4];
                    _span[_position++] = HexDigits[c & 0xF];
                    break;
            }

            text = text[(next + 1)..];
        }

        WriteByte((byte)'"');
    }

    /// <summary>
    /// Decodes the raw (escaped) UTF-8 text of a JSON string into the name arena at <see cref="_namesUsed"/>,
    /// without advancing it; returns the decoded length. Refuses invalid UTF-8 and lone surrogates.
    /// </summary>
    private int UnescapeIntoArena(ReadOnlySpan<byte> raw, bool isName)
    {
        // Escapes are pure ASCII and never split a UTF-8 sequence, so checking the raw text checks the literal parts.
        if (!Utf8.IsValid(raw))
        {
            throw InvalidText(isName);
        }

        // Decoding never lengthens: "\n" -> 1 byte, "\uXXXX" (6) -> at most 3, a surrogate pair (12) -> 4.
        var arena = _scratch.Names;
        if (arena.Length - _namesUsed < raw.Length)
        {
            arena = _scratch.GrowNames(_namesUsed + raw.Length);
        }

        var destination = arena.AsSpan(_namesUsed);
        var written = 0;
        while (true)
        {
            var backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                raw.CopyTo(destination[written..]);
                return written + raw.Length;
            }

            raw[..backslash].CopyTo(destination[written..]);
            written += backslash;
            var escape = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
            if (escape != (byte)'u')
            {
                destination[written++] = escape switch
                {
                    (byte)'b' => 0x08,
                    (byte)'t' => 0x09,
                    (byte)'n' => 0x0A,
                    (byte)'f' => 0x0C,
                    (byte)'r' => 0x0D,
                    _ => escape, // '"', '\' and '/' stand for themselves; the parser refused any other.
                };
                continue;
            }

            int scalar = ParseHex4(raw);
            raw = raw[4..];
            if (char.IsHighSurrogate((char)scalar))
            {
                if (raw.Length < 6 || raw[0] != (byte)'\\' || raw[1] != (byte)'u' || !char.IsLowSurrogate((char)ParseHex4(raw[2..])))
                {
                    throw InvalidText(isName);
                }

                scalar = char.ConvertToUtf32((char)scalar, (char)ParseHex4(raw[2..]));
                raw = raw[6..];
            }
            else if (char.IsLowSurrogate((char)scalar))
            {
                throw InvalidText(isName);
            }

            written += new Rune(scalar).EncodeToUtf8(destination[written..]);
        }
    }

    private static int ParseHex4(ReadOnlySpan<byte> hex)
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var c = hex[i] | 0x20; // ASCII lower-case; the parser guarantees four hex digits.
            value = (value << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
        }

        return value;
    }

    private CanonicalizationException InvalidText(bool isName)
    {
        var path = FormatPath();
        var what = isName ? $"a member name of the object at {path}" : $"the string at {path}";
        return new CanonicalizationException(
            $"{what} is not valid Unicode (a lone surrogate or invalid UTF-8); RFC 8785 (I-JSON) requires valid Unicode strings",
            path);
    }
}
