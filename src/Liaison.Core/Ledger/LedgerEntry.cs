using System.Buffers;
using System.Text;
using Liaison.Core.Canonical;

namespace Liaison.Core.Ledger;

/// <summary>
/// One fact the ledger records: what happened (<see cref="Kind"/>), when, with which partner, to which object version,
/// under which agreement clause, and the SHA-256 of the object's RFC 8785 canonical form. Its position in the log is
/// given when it is appended (see <see cref="LedgerEncoding"/>). Immutable and checked at construction, so every
/// entry that exists can be encoded and decodes to itself.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>The longest partner name, object id and clause, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 1024;

    /// <summary>The longest payload in bytes.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>Makes an entry.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="timeMicroseconds">When, in microseconds since the Unix epoch (UTC).</param>
    /// <param name="partner">The partner concerned; null only for a key rotation.</param>
    /// <param name="objectId">The STIX id of the object; required for kinds about an object (<see cref="LedgerEntryKinds.NeedsObject"/>).</param>
    /// <param name="objectVersion">The version (<c>modified</c>, else <c>created</c>) in microseconds; null for an unversioned object.</param>
    /// <param name="clause">The agreement clause applied, e.g. <c>RUS v3 release[0]</c>; optional.</param>
    /// <param name="contentHash">SHA-256 of the object's (or agreement's) canonical form; required except for a key rotation.</param>
    /// <param name="payload">Kind-specific bytes: a key rotation's signed announcement; empty for every other kind.</param>
    /// <exception cref="ArgumentException">A field is missing, present where the kind forbids it, too long, or not plain text.</exception>
    public LedgerEntry(
        LedgerEntryKind kind,
        long timeMicroseconds,
        string? partner,
        string? objectId = null,
        long? objectVersion = null,
        string? clause = null,
        ContentHash? contentHash = null,
        ReadOnlyMemory<byte> payload = default)
    {
        if (Problem(kind, partner, objectId, objectVersion, clause, contentHash, payload.Length) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        Kind = kind;
        TimeMicroseconds = timeMicroseconds;
        Partner = partner;
        ObjectId = objectId;
        ObjectVersion = objectVersion;
        Clause = clause;
        ContentHash = contentHash;
        Payload = payload.ToArray();
    }

    /// <summary>What happened.</summary>
    public LedgerEntryKind Kind { get; }

    /// <summary>When, in microseconds since the Unix epoch (UTC).</summary>
    public long TimeMicroseconds { get; }

    /// <summary>The partner concerned; null for a key rotation.</summary>
    public string? Partner { get; }

    /// <summary>The STIX id of the object concerned, if any.</summary>
    public string? ObjectId { get; }

    /// <summary>The object version in microseconds; null for an unversioned object or none.</summary>
    public long? ObjectVersion { get; }

    /// <summary>The agreement clause applied, if recorded.</summary>
    public string? Clause { get; }

    /// <summary>SHA-256 of the object's (or agreement's) RFC 8785 canonical form; null only for a key rotation.</summary>
    public ContentHash? ContentHash { get; }

    /// <summary>Kind-specific bytes (a key rotation's announcement); empty otherwise.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>A key rotation entry carrying <paramref name="rotation"/>.</summary>
    public static LedgerEntry ForKeyRotation(KeyRotation rotation)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        return new LedgerEntry(LedgerEntryKind.KeyRotation, rotation.TimeMicroseconds, null, payload: rotation.Encode());
    }

    /// <summary>Why these fields make no entry, or null when they do; the decoder reports the same reasons.</summary>
    internal static string? Problem(LedgerEntryKind kind, string? partner, string? objectId, long? objectVersion, string? clause, ContentHash? contentHash, int payloadLength)
    {
        if (!LedgerEntryKinds.IsDefined(kind))
        {
            return $"{(int)kind} is not a ledger entry kind";
        }

        var name = LedgerEntryKinds.Name(kind);
        return TextProblem("partner", partner) ?? TextProblem("object id", objectId) ?? TextProblem("clause", clause)
            ?? (LedgerEntryKinds.NeedsPartner(kind) == (partner is null) ? $"a {name} entry {(partner is null ? "needs" : "has no")} partner" : null)
            ?? (LedgerEntryKinds.NeedsObject(kind) && objectId is null ? $"a {name} entry needs the object id" : null)
            ?? (objectId is null && objectVersion is not null ? $"a {name} entry without an object has no object version" : null)
            ?? (kind == LedgerEntryKind.KeyRotation
                ? objectId is not null || clause is not null || contentHash is not null ? "a key-rotation entry carries only its announcement"
                : payloadLength == 0 ? "a key-rotation entry needs its signed announcement as payload" : null
                : contentHash is null ? $"a {name} entry needs the content hash"
                : payloadLength != 0 ? $"a {name} entry has no payload" : null)
            ?? (payloadLength > MaxPayloadBytes ? $"the payload is over {MaxPayloadBytes} bytes" : null);
    }

    private static string? TextProblem(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            return $"the {what} is empty (leave it out instead)";
        }

        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done || Rune.IsControl(rune))
            {
                return $"the {what} holds a control character or a lone surrogate";
            }

            i += consumed;
        }

        return Encoding.UTF8.GetByteCount(text) > MaxTextBytes ? $"the {what} is over {MaxTextBytes} bytes of UTF-8" : null;
    }
}
