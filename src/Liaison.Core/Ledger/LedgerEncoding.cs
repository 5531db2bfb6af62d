using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Liaison.Core.Canonical;

namespace Liaison.Core.Ledger;

/// <summary>
/// The one byte form of a ledger entry at a position of the log, the input of its leaf hash. Big-endian throughout:
/// <code>
/// u8   format version (1)
/// u8   kind (LedgerEntryKind)
/// u64  index: the entry's position in the log, from 0
/// i64  time, microseconds since the Unix epoch
/// u8   flags: 0x01 an object version follows, 0x02 a content hash follows (other bits 0)
/// text partner      text = u16 length + UTF-8 bytes; length 0 = absent
/// text object id
/// i64  object version, microseconds (only with flag 0x01)
/// text clause
/// 32   content hash (only with flag 0x02)
/// u16  payload length + payload bytes
/// </code>
/// </summary>
/// <remarks>
/// The index is inside the hashed bytes so that moving a stored entry to another row is caught even when the tree
/// around it is recomputed. Decoding is strict (unknown version or kind, stray flag bits, invalid UTF-8, trailing
/// bytes are refused), so each entry has exactly one encoding. These bytes are hashed and signed: golden tests pin
/// them, and a change needs a new format version. Thread safe.
/// </remarks>
public static class LedgerEncoding
{
    /// <summary>The format version written into every entry.</summary>
    public const byte FormatVersion = 1;

    private const byte HasVersion = 0x01;
    private const byte HasHash = 0x02;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes <paramref name="entry"/> as entry number <paramref name="index"/> of a log.</summary>
    public static byte[] Encode(long index, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var partner = Utf8(entry.Partner);
        var objectId = Utf8(entry.ObjectId);
        var clause = Utf8(entry.Clause);
        var length = 1 + 1 + 8 + 8 + 1 + (2 + partner.Length) + (2 + objectId.Length) + (entry.ObjectVersion is null ? 0 : 8)
            + (2 + clause.Length) + (entry.ContentHash is null ? 0 : ContentHash.Length) + 2 + entry.Payload.Length;
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        span[0] = FormatVersion;
        span[1] = (byte)entry.Kind;
        BinaryPrimitives.WriteInt64BigEndian(span[2..], index);
        BinaryPrimitives.WriteInt64BigEndian(span[10..], entry.TimeMicroseconds);
        span[18] = (byte)((entry.ObjectVersion is null ? 0 : HasVersion) | (entry.ContentHash is null ? 0 : HasHash));
        var at = 19;
        at = WriteText(span, at, partner);
        at = WriteText(span, at, objectId);
        if (entry.ObjectVersion is { } version)
        {
            BinaryPrimitives.WriteInt64BigEndian(span[at..], version);
            at += 8;
        }

        at = WriteText(span, at, clause);
        if (entry.ContentHash is { } hash)
        {
            hash.Bytes.CopyTo(span[at..]);
            at += ContentHash.Length;
        }

        WriteText(span, at, entry.Payload.Span);
        return bytes;
    }

    /// <summary>Decodes an entry and its index, or says precisely what is wrong with the bytes.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out long index, [NotNullWhen(true)] out LedgerEntry? entry, [NotNullWhen(false)] out string? failure)
    {
        index = -1;
        entry = null;
        if (bytes.Length < 19)
        {
            failure = $"an encoded entry is at least 19 bytes, this one is {bytes.Length}";
            return false;
        }

        if (bytes[0] != FormatVersion)
        {
            failure = $"entry format version {bytes[0]} is not known (this program reads version {FormatVersion})";
            return false;
        }

        var kind = (LedgerEntryKind)bytes[1];
        index = BinaryPrimitives.ReadInt64BigEndian(bytes[2..]);
        var time = BinaryPrimitives.ReadInt64BigEndian(bytes[10..]);
        var flags = bytes[18];
        var at = 19;
        long? version = null;
        ContentHash? hash = null;
        if (index < 0 || (flags & ~(HasVersion | HasHash)) != 0
            || !ReadText(bytes, ref at, out var partner) || !ReadText(bytes, ref at, out var objectId)
            || !ReadInt64(bytes, ref at, (flags & HasVersion) != 0, ref version)
            || !ReadText(bytes, ref at, out var clause) || !ReadHash(bytes, ref at, (flags & HasHash) != 0, ref hash)
            || !ReadBytes(bytes, ref at, out var payload))
        {
            failure = index < 0 ? "the entry's index is negative" : (flags & ~(HasVersion | HasHash)) != 0 ? $"unknown flag bits 0x{flags:x2}" : "the entry is truncated or holds invalid UTF-8";
            return false;
        }

        if (at != bytes.Length)
        {
            failure = $"{bytes.Length - at} bytes follow the end of the entry";
            return false;
        }

        failure = LedgerEntry.Problem(kind, partner, objectId, version, clause, hash, payload.Length);
        if (failure is not null)
        {
            return false;
        }

        entry = new LedgerEntry(kind, time, partner, objectId, version, clause, hash, payload);
        return true;
    }

    private static byte[] Utf8(string? text) => text is null ? [] : StrictUtf8.GetBytes(text);

    private static int WriteText(Span<byte> span, int at, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], checked((ushort)bytes.Length));
        bytes.CopyTo(span[(at + 2)..]);
        return at + 2 + bytes.Length;
    }

    private static bool ReadBytes(ReadOnlySpan<byte> bytes, ref int at, out byte[] value)
    {
        value = [];
        if (bytes.Length - at < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        if (bytes.Length - at - 2 < length)
        {
            return false;
        }

        value = bytes.Slice(at + 2, length).ToArray();
        at += 2 + length;
        return true;
    }

    private static bool ReadText(ReadOnlySpan<byte> bytes, ref int at, out string? text)
    {
        text = null;
        if (!ReadBytes(bytes, ref at, out var raw))
        {
            return false;
        }

        try
        {
            text = raw.Length == 0 ? null : StrictUtf8.GetString(raw);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool ReadInt64(ReadOnlySpan<byte> bytes, ref int at, bool present, ref long? value)
    {
        if (!present)
        {
            return true;
        }

        if (bytes.Length - at < 8)
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt64BigEndian(bytes[at..]);
        at += 8;
        return true;
    }

    private static bool ReadHash(ReadOnlySpan<byte> bytes, ref int at, bool present, ref ContentHash? value)
    {
        if (!present)
        {
            return true;
        }

        if (bytes.Length - at < ContentHash.Length)
        {
            return false;
        }

        value = ContentHash.FromBytes(bytes.Slice(at, ContentHash.Length));
        at += ContentHash.Length;
        return true;
    }
}
