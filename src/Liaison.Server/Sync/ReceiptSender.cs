using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Server.Client;

namespace Liaison.Server.Sync;

/// <summary>Sends our signed receipts to a partner: into the one collection its node lets us write (our inbound there).</summary>
public static class ReceiptSender
{
    /// <summary>Posts <paramref name="receipts"/>; returns how many the partner accepted.</summary>
    /// <exception cref="TaxiiClientException">The partner's node cannot be reached, offers no writable collection, or refuses one.</exception>
    public static async Task<int> SendAsync(TaxiiClient client, Uri discovery, IReadOnlyList<JsonObject> receipts, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(receipts);
        if (receipts.Count == 0)
        {
            return 0;
        }

        var roots = await client.ApiRootsAsync(discovery, cancel).ConfigureAwait(false);
        var root = roots.Count > 0 ? roots[0] : throw new TaxiiClientException($"{discovery} advertises no API root");
        var writable = (await client.CollectionsAsync(root, cancel).ConfigureAwait(false)).Where(c => c.CanWrite).ToList();
        if (writable.Count != 1)
        {
            throw new TaxiiClientException($"{discovery} lets us write to {writable.Count} collections; receipts go to exactly one (our inbound collection there)");
        }

        var accepted = 0;
        foreach (var receipt in receipts)
        {
            var envelope = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["objects"] = new JsonArray(receipt.DeepClone()) });
            var status = await client.PostObjectsAsync(root, writable[0].Id, envelope, cancel).ConfigureAwait(false);
            if (status.TryGetProperty("failures", out var failures) && failures.GetArrayLength() > 0)
            {
                throw new TaxiiClientException($"the partner refused our receipt: {(failures[0].TryGetProperty("message", out var message) ? message.GetString() : "no reason given")}");
            }

            accepted++;
        }

        return accepted;
    }
}
