using System.Collections.Frozen;
using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>
/// The hashes dictionary: at least one entry; keys from the hash-algorithm vocabulary are checked for the digest's
/// length and alphabet, any other (custom) key must have 3-250 characters among a-z, A-Z, 0-9, '_' and '-'; values are strings.
/// </summary>
internal static class HashRules
{
    private enum Digest
    {
        Hex,
        Ssdeep,
        Tlsh,
    }

    private static readonly FrozenDictionary<string, (Digest Kind, int Length)> Known = new Dictionary<string, (Digest, int)>(StringComparer.Ordinal)
    {
        ["MD5"] = (Digest.Hex, 32),
        ["SHA-1"] = (Digest.Hex, 40),
        ["SHA-256"] = (Digest.Hex, 64),
        ["SHA-512"] = (Digest.Hex, 128),
        ["SHA3-256"] = (Digest.Hex, 64),
        ["SHA3-512"] = (Digest.Hex, 128),
        ["SSDEEP"] = (Digest.Ssdeep, 128),
        ["TLSH"] = (Digest.Tlsh, 70),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Check(ValidationContext context, JsonElement value, Loc path)
    {
        if (!ValueChecks.IsObject(context, value, path))
        {
            return;
        }

        var count = 0;
        foreach (var entry in value.EnumerateObject())
        {
            count++;
            var key = entry.Name;
            var entryPath = path.Prop(key);
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                context.Error(entryPath, $"hash value '{JsonText.Shorten(key)}' must be a string, found {JsonText.Describe(entry.Value)}");
                continue;
            }

            var digest = entry.Value.GetString()!;
            if (Known.TryGetValue(key, out var expected))
            {
                if (!Matches(expected.Kind, expected.Length, digest))
                {
                    context.Error(entryPath, $"{key} hash must be {Describe(expected.Kind, expected.Length)}, found '{JsonText.Shorten(digest)}'");
                }
            }
            else if (!IsCustomKey(key))
            {
                context.Error(entryPath, $"hash algorithm name '{JsonText.Shorten(key)}' must be one of MD5, SHA-1, SHA-256, SHA-512, SHA3-256, SHA3-512, SSDEEP, TLSH or a custom name of 3-250 characters among a-z, A-Z, 0-9, '_' and '-'");
            }
        }

        if (count == 0)
        {
            context.Error(path, $"{path.Leaf} must have at least one hash, found an empty object");
        }
    }

    private static bool Matches(Digest kind, int length, string digest)
    {
        switch (kind)
        {
            case Digest.Hex:
                return digest.Length == length && Formats.IsHex(digest);
            case Digest.Tlsh:
                if (digest.Length != length)
                {
                    return false;
                }

                foreach (var c in digest)
                {
                    if (!char.IsAsciiLetterOrDigit(c))
                    {
                        return false;
                    }
                }

                return true;
            default:
                if (digest.Length is 0 or > 128)
                {
                    return false;
                }

                foreach (var c in digest)
                {
                    if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or ':' or '.'))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static string Describe(Digest kind, int length) => kind switch
    {
        Digest.Hex => $"{length} hexadecimal digits",
        Digest.Tlsh => $"{length} letters or digits",
        _ => "1-128 characters among letters, digits, '/', '+', ':' and '.'",
    };

    private static bool IsCustomKey(string key)
    {
        if (key.Length is < 3 or > 250)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
