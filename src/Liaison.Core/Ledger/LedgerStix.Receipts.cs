using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Canonical;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Ledger;

public static partial class LedgerStix
{
    /// <summary>The STIX object of a signed receipt with its checkpoint embedded, created by <paramref name="createdByRef"/> (the receiver).</summary>
    public static JsonObject ToStix(SignedReceipt receipt, string createdByRef)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var r = receipt.Receipt;
        var stix = Common(LiaisonExtensions.ReceiptType, DerivedId(r.SignedBytes(), receipt.Signature), StixTimestamp.FromUnixMicroseconds(r.TimeMicroseconds).Text, createdByRef);
        var checkpoint = new JsonObject();
        foreach (var (name, value) in Fields(r.Checkpoint))
        {
            checkpoint[name] = value;
        }

        stix["checkpoint"] = checkpoint;
        var received = new JsonArray();
        foreach (var item in r.Received)
        {
            var entry = new JsonObject { ["object_ref"] = item.ObjectId };
            if (item.ObjectVersion is { } version)
            {
                entry["object_modified"] = StixTimestamp.FromUnixMicroseconds(version).Text;
            }

            entry["content_hash"] = item.ContentHash.ToString();
            received.Add(entry);
        }

        stix["received"] = received;
        stix["key_id"] = receipt.KeyId;
        stix["signature"] = receipt.Signature;
        stix["extensions"] = Declaration(LiaisonExtensions.ReceiptId);
        return stix;
    }

    /// <summary>
    /// Reads a signed receipt from its STIX object (the embedded-checkpoint form; a receipt that only refers to its
    /// checkpoint cannot be verified alone and is refused). The signatures are not checked here.
    /// </summary>
    public static bool TryReceiptFromStix(JsonElement stix, [NotNullWhen(true)] out SignedReceipt? receipt, [NotNullWhen(false)] out string? failure)
    {
        receipt = null;
        if (!HasType(stix, LiaisonExtensions.ReceiptType, out failure))
        {
            return false;
        }

        if (!stix.TryGetProperty("checkpoint", out var embedded) || embedded.ValueKind != JsonValueKind.Object)
        {
            failure = "$.checkpoint is missing: only a receipt with its checkpoint embedded can be verified on its own";
            return false;
        }

        if (!TryReadFields(embedded, "$.checkpoint", out var checkpoint, out failure)
            || !String(stix, "$", "created", out var created, out failure)
            || !String(stix, "$", "key_id", out var keyId, out failure) || !String(stix, "$", "signature", out var signature, out failure))
        {
            return false;
        }

        if (!StixTimestamp.TryParse(created, out var time, out var reason))
        {
            failure = $"$.created: {reason}";
            return false;
        }

        if (!stix.TryGetProperty("received", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            failure = "$.received must be a non-empty array";
            return false;
        }

        var items = new List<ReceivedObject>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (!TryReceived(item, $"$.received[{i++}]", out var received, out failure))
            {
                return false;
            }

            items.Add(received);
        }

        receipt = new SignedReceipt(new Receipt(checkpoint, time.Value.UnixMicroseconds, items), keyId, signature);
        return true;
    }

    private static bool TryReceived(JsonElement item, string path, [NotNullWhen(true)] out ReceivedObject? received, [NotNullWhen(false)] out string? failure)
    {
        received = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            failure = $"{path} must be an object";
            return false;
        }

        if (!String(item, path, "object_ref", out var id, out failure) || !String(item, path, "content_hash", out var hashText, out failure))
        {
            return false;
        }

        long? version = null;
        if (item.TryGetProperty("object_modified", out var modified))
        {
            if (!StixTimestamp.TryParse(modified.ValueKind == JsonValueKind.String ? modified.GetString() : null, out var parsed, out var reason))
            {
                failure = $"{path}.object_modified: {reason}";
                return false;
            }

            version = parsed.Value.UnixMicroseconds;
        }

        failure = !StixId.TryParse(id, out _, out var idReason) ? $"{path}.object_ref: {idReason}"
            : !ContentHash.TryParse(hashText, out _) ? $"{path}.content_hash is not 64 hex digits"
            : null;
        if (failure is not null)
        {
            return false;
        }

        received = new ReceivedObject(id, version, ContentHash.Parse(hashText));
        return true;
    }
}
