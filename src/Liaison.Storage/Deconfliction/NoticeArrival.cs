using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Deconfliction;

/// <summary>
/// A partner's notices are checked as they arrive (pulled in a sync, or pushed to its inbound collection): each new or
/// changed one against our own notices and protected sites. Every conflict is recorded in our ledger (the partner's
/// notice, and the hash of exactly what is disclosed about it: the overlap and the contact channels) and told to the
/// partner as a conflict report (created, revised, or revoked when a notice no longer conflicts; the next release
/// sends it if the agreement allows).
/// </summary>
public static class NoticeArrival
{
    /// <summary>Checks <paramref name="arrived"/>, records the conflicts and brings our reports about them up to date.</summary>
    /// <param name="store">The node's store, the notices already written.</param>
    /// <param name="rules">The node's separation minima.</param>
    /// <param name="partner">The partner the notices came from.</param>
    /// <param name="arrived">Ids of the notices stored (new ones and new versions, cancelled or revoked ones included).</param>
    /// <param name="reporter">Our node's identity id, the reports' <c>created_by_ref</c>.</param>
    /// <param name="now">The time of the ledger entries and report versions.</param>
    public static NoticeArrivalOutcome Check(SqliteStixStore store, DeconflictionRules rules, string partner, IReadOnlyCollection<string> arrived, string reporter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(arrived);
        if (arrived.Count == 0)
        {
            return NoticeArrivalOutcome.None;
        }

        var state = DeconflictionState.Load(store, rules);
        var found = new List<ArrivedConflict>();
        foreach (var id in arrived)
        {
            if (state.Index.Find(id) is not { } theirs)
            {
                continue; // cancelled, revoked, or not readable as a notice (listed by 'deconflict list' among the unreadable)
            }

            foreach (var conflict in state.Index.Check(theirs).Where(c => state.RemoteOf(c.Other.Id) is null))
            {
                found.Add(new ArrivedConflict(id, conflict.Other.Id, conflict.Disclosure.ToJson()));
            }
        }

        if (found.Count > 0)
        {
            var time = StixTimestamp.UnixMicrosecondsOf(now);
            using var batch = store.BeginBatch();
            foreach (var conflict in found)
            {
                batch.AppendLedger(new LedgerEntry(LedgerEntryKind.DeconflictionConflict, time, partner, conflict.Theirs, null,
                    $"conflicts with {conflict.Ours}", ConflictDisclosure.HashOf(conflict.Disclosure)));
            }

            batch.Commit();
        }

        return new NoticeArrivalOutcome(found, ConflictReports.Reconcile(store, state, arrived, reporter, now));
    }
}

/// <summary>One conflict between a partner's notice that arrived and one of our notices or sites.</summary>
/// <param name="Theirs">The partner's notice.</param>
/// <param name="Ours">Our notice or protected site.</param>
/// <param name="Disclosure">What both sides are told (<see cref="ConflictDisclosure.ToJson"/>).</param>
public sealed record ArrivedConflict(string Theirs, string Ours, JsonObject Disclosure);

/// <summary>What the arrival of a partner's notices did: the conflicts found, and our reports written for the partner.</summary>
/// <param name="Conflicts">The conflicts found, each recorded in the ledger.</param>
/// <param name="Reports">Our conflict reports created, revised or revoked.</param>
public sealed record NoticeArrivalOutcome(IReadOnlyList<ArrivedConflict> Conflicts, IReadOnlyList<ConflictReportChange> Reports)
{
    /// <summary>Nothing arrived.</summary>
    public static NoticeArrivalOutcome None { get; } = new([], []);
}
