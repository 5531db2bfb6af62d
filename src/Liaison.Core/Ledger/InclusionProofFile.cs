using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Stix;

namespace Liaison.Core.Ledger;

/// <summary>
/// A self-contained proof that an entry is in a node's log: the entry's exact bytes, its audit path and the signed
/// checkpoint the path leads to. Anyone holding the node's public key can check it with nothing else
/// (<see cref="Check"/>). The readable copy of the entry's fields is for people; only the bytes are trusted, and a
/// readable copy that disagrees with them fails the check. Thread safe.
/// </summary>
public static class InclusionProofFile
{
    /// <summary>The value of <c>format</c>.</summary>
    public const string Format = "liaison-inclusion-proof/1";

    /// <summary>The proof file's JSON.</summary>
    public static JsonObject Write(long index, byte[] encodedEntry, InclusionProof proof, SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(encodedEntry);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(checkpoint);
        Preconditions.CheckArgument(LedgerEncoding.TryDecode(encodedEntry, out var decoded, out var entry, out _) && decoded == index, "the bytes are the entry at this index");
        var c = checkpoint.Checkpoint;
        return new JsonObject
        {
            ["format"] = Format,
            ["entry"] = Readable(index, entry!, encodedEntry),
            ["inclusion_path"] = new JsonArray([.. proof.Path.Select(h => (JsonNode)h.ToString())]),
            ["checkpoint"] = new JsonObject
            {
                ["origin"] = c.Origin,
                ["tree_size"] = c.TreeSize,
                ["root_hash"] = c.RootHash.ToString(),
                ["checkpoint_time"] = StixTimestamp.FromUnixMicroseconds(c.TimeMicroseconds).Text,
                ["key_id"] = checkpoint.KeyId,
                ["signature"] = checkpoint.Signature,
            },
        };
    }

    /// <summary>
    /// Checks a proof file with the log's public key: the entry decodes, the readable copy matches it, the audit path
    /// leads from its leaf hash to the checkpoint's root, and the checkpoint is signed by the key.
    /// </summary>
    /// <returns>True with the entry and checkpoint; else false and what is wrong, with its JSON path.</returns>
    public static bool Check(JsonElement file, string publicKeyBase64, out long index, [NotNullWhen(true)] out LedgerEntry? entry,
        [NotNullWhen(true)] out SignedCheckpoint? checkpoint, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(publicKeyBase64);
        index = -1;
        entry = null;
        checkpoint = null;
        if (file.ValueKind != JsonValueKind.Object || !file.TryGetProperty("format", out var format) || !format.ValueEquals(Format))
        {
            failure = $"$.format: not a Liaison inclusion proof (expected \"{Format}\")";
            return false;
        }

        if (!file.TryGetProperty("entry", out var readable) || readable.ValueKind != JsonValueKind.Object
            || !readable.TryGetProperty("encoded", out var encodedText) || encodedText.ValueKind != JsonValueKind.String)
        {
            failure = "$.entry.encoded: missing (the entry's bytes in base64)";
            return false;
        }

        byte[] encoded;
        try
        {
            encoded = Convert.FromBase64String(encodedText.GetString()!);
        }
        catch (FormatException)
        {
            failure = "$.entry.encoded: not base64";
            return false;
        }

        if (!LedgerEncoding.TryDecode(encoded, out index, out entry, out failure))
        {
            failure = $"$.entry.encoded: {failure}";
            return false;
        }

        if (!JsonNode.DeepEquals(JsonNode.Parse(readable.GetRawText()), Readable(index, entry, encoded)))
        {
            failure = "$.entry: the readable fields do not match the entry's bytes (they were edited)";
            entry = null;
            return false;
        }

        if (!file.TryGetProperty("checkpoint", out var signed) || signed.ValueKind != JsonValueKind.Object
            || !LedgerStix.TryCheckpointFromStix(WithType(signed), out checkpoint, out failure))
        {
            failure = failure is null ? "$.checkpoint: missing" : failure.Replace("$.", "$.checkpoint.", StringComparison.Ordinal);
            entry = null;
            return false;
        }

        if (!TryPath(file, out var path, out failure))
        {
            entry = null;
            return false;
        }

        var c = checkpoint.Checkpoint;
        if (!MerkleVerifier.VerifyInclusion(index, c.TreeSize, MerkleHash.Leaf(encoded), path, c.RootHash, out failure)
            || !checkpoint.Verify(publicKeyBase64, out failure))
        {
            entry = null;
            return false;
        }

        return true;
    }

    private static JsonObject Readable(long index, LedgerEntry entry, byte[] encoded) => new()
    {
        ["index"] = index,
        ["kind"] = LedgerEntryKinds.Name(entry.Kind),
        ["time"] = StixTimestamp.FromUnixMicroseconds(entry.TimeMicroseconds).Text,
        ["partner"] = entry.Partner,
        ["object_id"] = entry.ObjectId,
        ["object_version"] = entry.ObjectVersion is { } v ? StixTimestamp.FromUnixMicroseconds(v).Text : null,
        ["clause"] = entry.Clause,
        ["content_hash"] = entry.ContentHash?.ToString(),
        ["encoded"] = Convert.ToBase64String(encoded),
    };

    private static bool TryPath(JsonElement file, out List<TreeHash> path, [NotNullWhen(false)] out string? failure)
    {
        path = [];
        if (!file.TryGetProperty("inclusion_path", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            failure = "$.inclusion_path: missing (an array of hex hashes)";
            return false;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !TreeHash.TryParse(item.GetString(), out var hash))
            {
                failure = $"$.inclusion_path[{i}]: not a SHA-256 hash in hex";
                return false;
            }

            path.Add(hash);
            i++;
        }

        failure = null;
        return true;
    }

    // The checkpoint carries the ledger-checkpoint object's signed fields; reuse that reader.
    private static JsonElement WithType(JsonElement checkpoint)
    {
        var node = JsonNode.Parse(checkpoint.GetRawText())!.AsObject();
        node["type"] = Extensions.LiaisonExtensions.LedgerCheckpointType;
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }
}
