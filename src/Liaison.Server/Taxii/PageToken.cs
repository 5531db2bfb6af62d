using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Liaison.Storage.Taxii;

namespace Liaison.Server.Taxii;

/// <summary>
/// The opaque <c>next</c> value: where the previous page stopped (its last date added), bound to the request it
/// continues (endpoint, collection, object and every filter) and to the time it was issued. A token presented with
/// other filters, or past its lifetime, is refused. It hides nothing a client could not learn from <c>added_after</c>.
/// </summary>
internal static class PageToken
{
    private const byte Version = 1;

    public static string Issue(string scope, TaxiiFilter filter, long lastDateAdded, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[1 + 16 + 8 + 8];
        bytes[0] = Version;
        Fingerprint(scope, filter).CopyTo(bytes[1..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes[17..], lastDateAdded);
        BinaryPrimitives.WriteInt64BigEndian(bytes[25..], now.ToUnixTimeSeconds());
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryRead(string token, string scope, TaxiiFilter filter, DateTimeOffset now, TimeSpan lifetime, out long lastDateAdded, out string? error)
    {
        lastDateAdded = 0;
        error = "next is not a token this server issued";
        byte[] bytes;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != 33 || bytes[0] != Version)
        {
            return false;
        }

        if (!bytes.AsSpan(1, 16).SequenceEqual(Fingerprint(scope, filter)))
        {
            error = "next belongs to a request with other filters; repeat the same filters to continue";
            return false;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(25)));
        if (now - issued > lifetime)
        {
            error = "next has expired; start again from added_after";
            return false;
        }

        lastDateAdded = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(17));
        error = null;
        return true;
    }

    private static byte[] Fingerprint(string scope, TaxiiFilter filter)
    {
        var text = new StringBuilder(scope)
            .Append('|').Append(filter.AddedAfter)
            .Append('|').AppendJoin(',', filter.Ids)
            .Append('|').AppendJoin(',', filter.Types)
            .Append('|').Append(filter.Versions.Last).Append(filter.Versions.First).Append(filter.Versions.All).AppendJoin(',', filter.Versions.Exact)
            .Append('|').AppendJoin(',', filter.SpecVersions);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..16];
    }
}
