using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Ledger;

/// <summary>
/// Signed checkpoints and receipts as the STIX objects partners exchange (<c>x-liaison-ledger-checkpoint</c>,
/// <c>x-liaison-receipt</c> with an embedded checkpoint), and back. The signatures cover the ledger's own signed bytes,
/// not the JSON, so the STIX form may be re-serialised freely. Ids are derived from the signed content: the same
/// checkpoint or receipt always becomes the same object. Thread safe.
/// </summary>
public static partial class LedgerStix
{
    /// <summary>
    /// The STIX object of a signed checkpoint, created by <paramref name="createdByRef"/> (the node's identity), with the
    /// consistency proof from the previous checkpoint sent to the same recipient when there is one.
    /// </summary>
    public static JsonObject ToStix(SignedCheckpoint checkpoint, string createdByRef, ConsistencyProof? consistency, LedgerRange? range = null)
    {
        var stix = ToStix(checkpoint, createdByRef);
        if (range is not null)
        {
            stix["entries"] = new JsonObject
            {
                ["from_index"] = range.FromIndex,
                ["peaks"] = new JsonArray(range.Peaks.Select(p => (JsonNode)p.ToString()).ToArray()),
                ["encoded"] = new JsonArray(range.Encoded.Select(e => (JsonNode)Convert.ToBase64String(e)).ToArray()),
            };
        }

        if (consistency is { OldSize: > 0 } proof)
        {
            Preconditions.CheckArgument(proof.NewSize == checkpoint.Checkpoint.TreeSize, "the consistency proof must end at the checkpoint's size");
            stix["consistency"] = new JsonObject
            {
                ["from_size"] = proof.OldSize,
                ["path"] = new JsonArray(proof.Path.Select(h => (JsonNode)h.ToString()).ToArray()),
            };
        }

        return stix;
    }

    /// <summary>The consistency proof a checkpoint object carries (none when absent or malformed: verification then asks for it).</summary>
    public static IReadOnlyList<ConsistencyProof> ConsistencyFromStix(JsonElement stix, long treeSize)
    {
        if (!stix.TryGetProperty("consistency", out var consistency) || consistency.ValueKind != JsonValueKind.Object
            || !consistency.TryGetProperty("from_size", out var from) || !from.TryGetInt64(out var fromSize)
            || !consistency.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var hashes = new List<TreeHash>();
        foreach (var item in path.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !TreeHash.TryParse(item.GetString(), out var hash))
            {
                return [];
            }

            hashes.Add(hash);
        }

        return [new ConsistencyProof(fromSize, treeSize, hashes)];
    }

    /// <summary>The range of entries a checkpoint object carries, or null when it carries none or they are malformed.</summary>
    public static LedgerRange? RangeFromStix(JsonElement stix)
    {
        if (!stix.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Object
            || !entries.TryGetProperty("from_index", out var from) || !from.TryGetInt64(out var fromIndex)
            || !entries.TryGetProperty("peaks", out var peaks) || peaks.ValueKind != JsonValueKind.Array
            || !entries.TryGetProperty("encoded", out var encoded) || encoded.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var peakHashes = new List<TreeHash>();
        foreach (var peak in peaks.EnumerateArray())
        {
            if (peak.ValueKind != JsonValueKind.String || !TreeHash.TryParse(peak.GetString(), out var hash))
            {
                return null;
            }

            peakHashes.Add(hash);
        }

        var bytes = new List<byte[]>();
        foreach (var item in encoded.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !item.TryGetBytesFromBase64(out var entry))
            {
                return null;
            }

            bytes.Add(entry);
        }

        return new LedgerRange(fromIndex, peakHashes, bytes);
    }

    /// <summary>The STIX object of a signed checkpoint, created by <paramref name="createdByRef"/> (the node's identity).</summary>
    public static JsonObject ToStix(SignedCheckpoint checkpoint, string createdByRef)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var time = StixTimestamp.FromUnixMicroseconds(checkpoint.Checkpoint.TimeMicroseconds).Text;
        var stix = Common(LiaisonExtensions.LedgerCheckpointType, DerivedId(checkpoint.Checkpoint.SignedBytes(), checkpoint.Signature), time, createdByRef);
        foreach (var (name, value) in Fields(checkpoint))
        {
            stix[name] = value;
        }

        stix["extensions"] = Declaration(LiaisonExtensions.LedgerCheckpointId);
        return stix;
    }

    /// <summary>Reads a signed checkpoint from its STIX object; the signature is not checked here.</summary>
    public static bool TryCheckpointFromStix(JsonElement stix, [NotNullWhen(true)] out SignedCheckpoint? checkpoint, [NotNullWhen(false)] out string? failure)
    {
        checkpoint = null;
        if (!HasType(stix, LiaisonExtensions.LedgerCheckpointType, out failure))
        {
            return false;
        }

        return TryReadFields(stix, "$", out checkpoint, out failure);
    }

    private static IEnumerable<(string Name, JsonNode Value)> Fields(SignedCheckpoint checkpoint)
    {
        var c = checkpoint.Checkpoint;
        yield return ("origin", c.Origin);
        yield return ("tree_size", c.TreeSize);
        yield return ("root_hash", c.RootHash.ToString());
        yield return ("checkpoint_time", StixTimestamp.FromUnixMicroseconds(c.TimeMicroseconds).Text);
        yield return ("key_id", checkpoint.KeyId);
        yield return ("signature", checkpoint.Signature);
    }

    private static bool TryReadFields(JsonElement json, string path, [NotNullWhen(true)] out SignedCheckpoint? checkpoint, [NotNullWhen(false)] out string? failure)
    {
        checkpoint = null;
        if (!String(json, path, "origin", out var origin, out failure) || !String(json, path, "root_hash", out var root, out failure)
            || !String(json, path, "checkpoint_time", out var time, out failure) || !String(json, path, "key_id", out var keyId, out failure)
            || !String(json, path, "signature", out var signature, out failure))
        {
            return false;
        }

        if (!json.TryGetProperty("tree_size", out var size) || !size.TryGetInt64(out var treeSize) || treeSize < 0)
        {
            failure = $"{path}.tree_size must be a whole number ≥ 0";
            return false;
        }

        TreeHash rootHash = default;
        StixTimestamp? instant = null;
        failure = !Checkpoint.IsOrigin(origin) ? $"{path}.origin is not a log origin (1 to 255 characters on one line)"
            : !TreeHash.TryParse(root, out rootHash) ? $"{path}.root_hash is not 64 hex digits"
            : !StixTimestamp.TryParse(time, out instant, out var reason) ? $"{path}.checkpoint_time: {reason}"
            : null;
        if (failure is not null)
        {
            return false;
        }

        checkpoint = new SignedCheckpoint(new Checkpoint(origin, treeSize, rootHash, instant!.Value.UnixMicroseconds), keyId, signature);
        return true;
    }

    private static JsonObject Common(string type, Guid id, string time, string createdByRef) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = $"{type}--{id:D}",
        ["created_by_ref"] = createdByRef,
        ["created"] = time,
        ["modified"] = time,
    };

    private static JsonObject Declaration(string extensionId) => new() { [extensionId] = new JsonObject { ["extension_type"] = "new-sdo" } };

    // Name-based, UUIDv5-like (SHA-256 truncated, version and variant bits set) over what is signed and the signature.
    private static Guid DerivedId(byte[] signed, string signature)
    {
        var input = new byte[signed.Length + signature.Length];
        signed.CopyTo(input, 0);
        System.Text.Encoding.ASCII.GetBytes(signature, input.AsSpan(signed.Length));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static bool HasType(JsonElement stix, string type, [NotNullWhen(false)] out string? failure)
    {
        failure = stix.ValueKind != JsonValueKind.Object ? "a STIX object must be a JSON object"
            : !stix.TryGetProperty("type", out var t) || !t.ValueEquals(type) ? $"$.type must be '{type}'"
            : null;
        return failure is null;
    }

    private static bool String(JsonElement json, string path, string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? failure)
    {
        value = json.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
        failure = value is null ? $"{path}.{name} must be a string" : null;
        return value is not null;
    }
}
