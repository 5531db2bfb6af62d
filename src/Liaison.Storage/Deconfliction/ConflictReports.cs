using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Deconfliction;

/// <summary>
/// Keeps our conflict reports (<see cref="ConflictReport"/>) in line with the conflicts between partners' notices and
/// our notices and protected sites: a report for each current conflict, its overlap up to date, and every report whose
/// conflict is gone revoked. The release pipeline takes them from there, to the partner whose notice each names (if
/// its agreement allows <c>conflict-report</c>): a new report is released, a new version released as such, a revoked
/// one withdrawn. Running it again changes nothing, so any path that sees a notice change may run it.
/// </summary>
public static class ConflictReports
{
    /// <summary>How many conflict reports one reconciliation reads at most (conflicts are exceptions, not the rule).</summary>
    public const int MaxReports = 100_000;

    /// <summary>
    /// Brings our reports about <paramref name="partnerNotices"/> (and, with <paramref name="recheckReported"/>, about
    /// every partner's notice a current report names) in line with <paramref name="state"/>, in one transaction.
    /// </summary>
    /// <param name="store">The node's store.</param>
    /// <param name="state">The deconfliction index, loaded after the latest change.</param>
    /// <param name="partnerNotices">Partners' notices that arrived or changed (ids of anything else are ignored).</param>
    /// <param name="reporter">Our node's identity id, the reports' <c>created_by_ref</c>.</param>
    /// <param name="now">The time of the versions written.</param>
    /// <param name="recheckReported">Also recheck every notice a current report names: one of OUR notices changed.</param>
    /// <returns>What was written, in order.</returns>
    public static IReadOnlyList<ConflictReportChange> Reconcile(
        SqliteStixStore store, DeconflictionState state, IEnumerable<string> partnerNotices, string reporter, DateTimeOffset now, bool recheckReported = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(partnerNotices);
        var ours = Ours(store);
        var targets = partnerNotices.ToList();
        if (recheckReported)
        {
            targets.AddRange(ours.Values.Where(r => !r.Stored.Revoked).Select(r => r.Notice));
        }

        var changes = new List<(JsonObject Version, ConflictReportChange Change)>();
        foreach (var theirs in targets.Distinct(StringComparer.Ordinal))
        {
            ReconcileNotice(store, state, ours, theirs, reporter, now, changes);
        }

        if (changes.Count > 0)
        {
            var validator = new StixValidator(LiaisonExtensions.Instance);
            using var batch = store.BeginBatch();
            foreach (var (version, _) in changes)
            {
                var validation = validator.Validate(JsonSerializer.SerializeToElement(version));
                var valid = validation.Object ?? throw new InvalidOperationException(
                    $"a conflict report failed validation: {string.Join("; ", validation.Errors)}");
                batch.Add(valid);
            }

            batch.Commit();
        }

        return changes.Select(c => c.Change).ToList();
    }

    private static void ReconcileNotice(SqliteStixStore store, DeconflictionState state, Dictionary<string, OwnReport> ours, string theirs, string reporter,
        DateTimeOffset now, List<(JsonObject Version, ConflictReportChange Change)> changes)
    {
        var partner = state.RemoteOf(theirs) ?? store.OriginsOf([theirs]).GetValueOrDefault(theirs);
        if (partner is null)
        {
            return; // not a partner's notice: nothing to report to anyone
        }

        var current = state.Index.Find(theirs) is { Kind: SubjectKind.PartnerNotice } notice
            ? state.Index.Check(notice).Where(c => state.RemoteOf(c.Other.Id) is null).ToList()
            : [];
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conflict in current)
        {
            var generation = 0;
            // A revoked report takes no further version: a conflict that came back is reported anew.
            while (ours.TryGetValue(ConflictReport.IdFor(conflict.Other.Id, theirs, generation), out var revoked) && revoked.Stored.Revoked)
            {
                generation++;
            }

            var id = ConflictReport.IdFor(conflict.Other.Id, theirs, generation);
            kept.Add(id);
            var disclosure = conflict.Disclosure.ToJson();
            if (!ours.TryGetValue(id, out var existing))
            {
                changes.Add((ConflictReport.Create(conflict, reporter, now, generation), new ConflictReportChange(id, theirs, partner, ConflictReportChangeKind.Created)));
            }
            else if (ConflictDisclosure.HashOf(ConflictReport.DisclosureOf(existing.Json)) != ConflictDisclosure.HashOf(disclosure))
            {
                changes.Add((ConflictReport.Revise(existing.Json, disclosure, now), new ConflictReportChange(id, theirs, partner, ConflictReportChangeKind.Revised)));
            }
        }

        foreach (var gone in ours.Values.Where(r => r.Notice == theirs && !r.Stored.Revoked && !kept.Contains(r.Stored.Id)))
        {
            changes.Add((ConflictReport.Revoke(gone.Json, now), new ConflictReportChange(gone.Stored.Id, theirs, partner, ConflictReportChangeKind.Revoked)));
        }
    }

    /// <summary>Our own reports (latest versions, revoked ones included), by id: neither received nor released copies.</summary>
    private static Dictionary<string, OwnReport> Ours(SqliteStixStore store)
    {
        var reports = new Dictionary<string, OwnReport>(StringComparer.Ordinal);
        foreach (var stored in store.Query(new ObjectQuery { Types = [LiaisonExtensions.ConflictReportType], IncludeRevoked = true, Limit = MaxReports }))
        {
            var json = stored.ToJsonElement();
            if (store.ProvenanceOf(stored.Id).Count == 0 && ConflictReport.NoticeOf(json) is { } notice)
            {
                reports[stored.Id] = new OwnReport(stored, json, notice);
            }
        }

        return reports;
    }

    private sealed record OwnReport(StoredObject Stored, JsonElement Json, string Notice);
}
