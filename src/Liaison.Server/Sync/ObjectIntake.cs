using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;
using Liaison.Storage;
using Liaison.Storage.Ingest;
using Liaison.Storage.Sqlite;

namespace Liaison.Server.Sync;

/// <summary>
/// Takes validated objects into the store the same way whether they were pushed to us (TAXII POST) or pulled: what our
/// inbound rules refuse goes to quarantine; an object naming a marking that is not standard, not among the objects
/// taken in with it and not stored is left out; the rest is written; a partner's conflict report, once written, is
/// logged in our ledger. What the caller reports (a TAXII status, a pull report, receipts) is its own.
/// </summary>
internal static class ObjectIntake
{
    /// <summary>Takes <paramref name="items"/> in, in order, inside <paramref name="batch"/>.</summary>
    /// <param name="store">The store the batch writes to: markings and the inbound rules look at what it holds.</param>
    /// <param name="batch">The open write.</param>
    /// <param name="items">The objects, validated and prepared.</param>
    /// <param name="partner">The partner they come from, or null when they are not a partner's.</param>
    /// <param name="refused">The objects our inbound rules refuse, with the reason; only a partner's can be.</param>
    /// <param name="receivedAtMicroseconds">When they were received.</param>
    /// <param name="write">Writes one object where the caller keeps it (a collection, with provenance).</param>
    public static List<IntakeResult> Take(SqliteStixStore store, SqliteWriteBatch batch, IReadOnlyList<PreparedObject> items, string? partner,
        IReadOnlyDictionary<StixObject, string> refused, long receivedAtMicroseconds, Func<PreparedObject, WriteResult> write)
    {
        if (partner is null && refused.Count > 0)
        {
            throw new ArgumentException("only a partner's objects are refused by inbound rules", nameof(refused));
        }

        // Markings resolve against what is stored (earlier envelopes or pages of this transaction included) and these objects.
        var markings = new MarkingResolver(store);
        foreach (var item in items)
        {
            markings.Saw(item.Object);
        }

        var results = new List<IntakeResult>(items.Count);
        foreach (var item in items)
        {
            var stixObject = item.Object;
            if (refused.TryGetValue(stixObject, out var reason))
            {
                batch.Quarantine(partner!, stixObject.Id.Value, receivedAtMicroseconds, reason, item.Utf8Json);
                results.Add(new IntakeResult(item, IntakeOutcome.Quarantined, reason));
                continue;
            }

            if (markings.FirstUnresolved(item.Markings) is { } missing)
            {
                results.Add(new IntakeResult(item, IntakeOutcome.MarkingUndefined, missing));
                continue;
            }

            var written = write(item);
            var outcome = written.Outcome switch
            {
                WriteOutcome.New => IntakeOutcome.New,
                WriteOutcome.Updated => IntakeOutcome.Updated,
                WriteOutcome.Unchanged => IntakeOutcome.Unchanged,
                _ => IntakeOutcome.Refused,
            };
            var result = new IntakeResult(item, outcome, written.Reason);
            if (partner is not null && result.IsNewVersion && stixObject.Type == LiaisonExtensions.ConflictReportType)
            {
                batch.AppendLedger(ConflictReport.ReceivedEntry(partner, stixObject.Json, stixObject.Version?.UnixMicroseconds, receivedAtMicroseconds));
            }

            results.Add(result);
        }

        return results;
    }
}

/// <summary>What became of one object taken in.</summary>
internal enum IntakeOutcome
{
    /// <summary>Refused by our inbound rules and kept in quarantine; not stored.</summary>
    Quarantined,

    /// <summary>Left out: it names a marking that is not standard, not taken in with it and not stored.</summary>
    MarkingUndefined,

    /// <summary>Stored: an object new to the store.</summary>
    New,

    /// <summary>Stored: a new version of a stored object.</summary>
    Updated,

    /// <summary>This very version was already stored.</summary>
    Unchanged,

    /// <summary>The store refused it (a different content under a stored version, a version of a revoked object).</summary>
    Refused,
}

/// <summary>One object taken in and what became of it.</summary>
/// <param name="Item">The object.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Reason">Why it was quarantined or refused, or the marking that is undefined; null when stored.</param>
internal readonly record struct IntakeResult(PreparedObject Item, IntakeOutcome Outcome, string? Reason)
{
    /// <summary>Whether this took a version into the store that was not there before.</summary>
    public bool IsNewVersion => Outcome is IntakeOutcome.New or IntakeOutcome.Updated;
}
