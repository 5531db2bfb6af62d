using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Core.Deconfliction;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;
using Liaison.Storage.Deconfliction;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Deconfliction;

/// <summary>
/// A partner's notices are checked as they arrive: each new or changed one against our own notices and protected
/// sites. Every conflict is recorded in our ledger (the partner's notice, and the hash of exactly what is disclosed
/// about it: the overlap and the contact channels), reported to the partner as a conflict report (created, revised,
/// or revoked when a notice no longer conflicts; the next release sends it if the agreement allows) and returned for
/// the operator.
/// </summary>
internal static class ArrivalCheck
{
    /// <summary>One conflict between a partner's notice and one of ours.</summary>
    public sealed record Found(string Theirs, string Ours, JsonObject Disclosure);

    /// <summary>What the arrival of a partner's notices did: the conflicts found, and our reports written for the partner.</summary>
    public sealed record Outcome(IReadOnlyList<Found> Conflicts, IReadOnlyList<ConflictReportChange> Reports)
    {
        /// <summary>Nothing arrived.</summary>
        public static Outcome None { get; } = new([], []);
    }

    public static Outcome Run(SqliteStixStore store, NodeHome home, string partner, IReadOnlyCollection<string> arrived)
    {
        if (arrived.Count == 0)
        {
            return Outcome.None;
        }

        var state = DeconflictionState.Load(store, MinimaFile.Load(home.Directory));
        var found = new List<Found>();
        foreach (var id in arrived)
        {
            if (state.Index.Find(id) is not { } theirs)
            {
                continue; // not readable as a notice: listed by 'deconflict list' among the unreadable
            }

            foreach (var conflict in state.Index.Check(theirs).Where(c => state.RemoteOf(c.Other.Id) is null))
            {
                found.Add(new Found(id, conflict.Other.Id, conflict.Disclosure.ToJson()));
            }
        }

        if (found.Count > 0)
        {
            var now = StixTimestamp.UnixMicrosecondsOf(SystemClock.Instance.UtcNow);
            using var batch = store.BeginBatch();
            foreach (var conflict in found)
            {
                batch.AppendLedger(new LedgerEntry(LedgerEntryKind.DeconflictionConflict, now, partner, conflict.Theirs, null,
                    $"conflicts with {conflict.Ours}", ConflictDisclosure.HashOf(conflict.Disclosure)));
            }

            batch.Commit();
        }

        var reports = ConflictReports.Reconcile(store, state, arrived, home.LoadConfig().IdentityId, SystemClock.Instance.UtcNow);
        return new Outcome(found, reports);
    }
}
