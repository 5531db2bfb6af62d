using System.Net;
using System.Net.Sockets;

namespace Liaison.Core.Validation;

/// <summary>Hand-written syntax checks for string formats (no regular expressions on the hot path).</summary>
internal static class Formats
{
    public static string Describe(StringFormat format) => format switch
    {
        StringFormat.Hex => "an even number of hexadecimal digits",
        StringFormat.Base64 => "base64 (RFC 4648, with padding)",
        StringFormat.RelationshipType => "made of a-z, 0-9 and '-' only",
        StringFormat.Ipv4 => "an IPv4 address, optionally with a /0-32 CIDR suffix",
        StringFormat.Ipv6 => "an IPv6 address, optionally with a /0-128 CIDR suffix",
        StringFormat.MacAddress => "a MAC address of six lower-case hex pairs separated by ':' (e.g. 'd2:fb:49:24:37:18')",
        StringFormat.MimeType => "an IANA media type of the form 'type/subtype' (type among application, audio, font, image, message, model, multipart, text, video)",
        StringFormat.CharsetName => "an IANA character set name (2-250 characters among A-Z, a-z, 0-9, '/', '.', '+', '_', ':', '-')",
        StringFormat.Cpe => "a CPE 2.3 formatted string starting with 'cpe:2.3:' and a part among a, h, o, '*', '-'",
        StringFormat.LanguageTag => "an RFC 5646 language tag (e.g. 'en', 'fr-CA', 'zh-Hant')",
        StringFormat.RegistryKey => "a registry key with its full hive name (e.g. 'HKEY_LOCAL_MACHINE\\...'), not an abbreviation such as HKLM",
        _ => "well formed",
    };

    public static bool Matches(StringFormat format, string text) => format switch
    {
        StringFormat.Hex => IsHex(text),
        StringFormat.Base64 => IsBase64(text),
        StringFormat.RelationshipType => IsRelationshipType(text),
        StringFormat.Ipv4 => IsIpv4(text),
        StringFormat.Ipv6 => IsIpv6(text),
        StringFormat.MacAddress => IsMac(text),
        StringFormat.MimeType => IsMimeType(text),
        StringFormat.CharsetName => IsCharsetName(text),
        StringFormat.Cpe => IsCpe(text),
        StringFormat.LanguageTag => IsLanguageTag(text),
        StringFormat.RegistryKey => IsFullRegistryKey(text),
        _ => true,
    };

    public static bool IsHex(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsBase64(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                continue;
            }

            // Padding: only in the last two positions, and "x=y=" is not allowed.
            if (c == '=' && i >= text.Length - 2 && (i == text.Length - 1 || text[^1] == '='))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool IsRelationshipType(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpv4(string text)
    {
        var span = text.AsSpan();
        var slash = span.IndexOf('/');
        if (slash >= 0 && !IsPrefix(span[(slash + 1)..], 32))
        {
            return false;
        }

        var address = slash >= 0 ? span[..slash] : span;
        var octets = 0;
        foreach (var range in address.Split('.'))
        {
            var part = address[range];
            // Decimal 0-255 without leading zeros.
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !int.TryParse(part, System.Globalization.NumberStyles.None, null, out var octet) || octet > 255)
            {
                return false;
            }

            octets++;
        }

        return octets == 4;
    }

    private static bool IsIpv6(string text)
    {
        var span = text.AsSpan();
        var slash = span.IndexOf('/');
        if (slash >= 0 && !IsPrefix(span[(slash + 1)..], 128))
        {
            return false;
        }

        var address = slash >= 0 ? span[..slash] : span;
        return address.Contains(':') && IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool IsPrefix(ReadOnlySpan<char> digits, int max) =>
        digits.Length is >= 1 and <= 3 && (digits.Length == 1 || digits[0] != '0')
        && int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var prefix) && prefix <= max;

    private static bool IsMac(string text)
    {
        if (text.Length != 17)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            var c = text[i];
            var ok = i % 3 == 2 ? c == ':' : c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] MediaTopTypes = ["application", "audio", "font", "image", "message", "model", "multipart", "text", "video"];

    private static bool IsMimeType(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || Array.IndexOf(MediaTopTypes, text[..slash]) < 0)
        {
            return false;
        }

        // The subtype must start with at least one token character; parameters may follow (";charset=...").
        var c = text[slash + 1];
        return char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '_' or '-';
    }

    private static bool IsCharsetName(string text)
    {
        if (text.Length is < 2 or > 250)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCpe(string text) =>
        text.StartsWith("cpe:2.3:", StringComparison.Ordinal) && text.Length > 9 && text[8] is 'a' or 'h' or 'o' or '*' or '-' && text[9] == ':';

    /// <summary>A lenient RFC 5646 shape: a 2-3 letter primary subtag (or 'i'/'x' for grandfathered/private tags), then 1-8 character alphanumeric subtags.</summary>
    private static bool IsLanguageTag(string text)
    {
        if (text.Length is 0 or > 64)
        {
            return false;
        }

        var first = true;
        foreach (var range in text.AsSpan().Split('-'))
        {
            var subtag = text.AsSpan()[range];
            if (first)
            {
                var primary = subtag.Length is 2 or 3 || (subtag.Length == 1 && subtag[0] is 'i' or 'x' or 'I' or 'X');
                foreach (var c in subtag)
                {
                    primary &= char.IsAsciiLetter(c);
                }

                if (!primary)
                {
                    return false;
                }

                first = false;
                continue;
            }

            if (subtag.Length is 0 or > 8)
            {
                return false;
            }

            foreach (var c in subtag)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static readonly string[] AbbreviatedHives = ["HKLM", "HKCC", "HKCR", "HKCU", "HKU"];

    private static bool IsFullRegistryKey(string text)
    {
        foreach (var hive in AbbreviatedHives)
        {
            if (text.StartsWith(hive, StringComparison.OrdinalIgnoreCase) && (text.Length == hive.Length || text[hive.Length] == '\\'))
            {
                return false;
            }
        }

        return true;
    }
}
