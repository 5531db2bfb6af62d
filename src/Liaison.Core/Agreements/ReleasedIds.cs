using System.Security.Cryptography;
using System.Text;
using Liaison.Core.Stix;

namespace Liaison.Core.Agreements;

/// <summary>
/// The id a partner sees for one of our objects: <c>type--</c> and a UUID made from HMAC-SHA256(partner secret,
/// <c>"release\0"</c> + internal id), version nibble 5 and the RFC 4122 variant. Stable, so every version of an
/// internal object is a version of the same released object and a reference can be mapped before its target goes
/// out; keyed, so the internal id cannot be recovered and two partners' ids for one object cannot be linked.
/// Thread safe.
/// </summary>
public sealed class ReleasedIds
{
    private readonly byte[] _secret;

    /// <summary>Creates the mapping for one partner's secret.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than 16 bytes.</exception>
    public ReleasedIds(ReadOnlySpan<byte> partnerSecret)
    {
        Preconditions.CheckArgument(partnerSecret.Length >= 16, "a partner secret has at least 16 bytes");
        _secret = partnerSecret.ToArray();
    }

    /// <summary>The released id of <paramref name="internalId"/> (same type, keyed UUID).</summary>
    /// <exception cref="FormatException"><paramref name="internalId"/> is not a STIX id.</exception>
    public string For(string internalId)
    {
        var id = StixId.Parse(internalId);
        Span<byte> hash = stackalloc byte[32];
        var input = Encoding.UTF8.GetBytes("release\0" + internalId);
        HMACSHA256.HashData(_secret, input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return $"{id.Type}--{new Guid(hash[..16], bigEndian: true):D}";
    }
}
