using Liaison.Core;
using Liaison.Core.Agreements;
using Liaison.Core.Canonical;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Server.Client;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Sqlite;

namespace Liaison.Server.Sync;

/// <summary>
/// Incremental pull of a remote node's collections. Each page (asked with <c>added_after</c> = the durable cursor)
/// is validated, stored with its provenance and the cursor moved to the page's <c>X-TAXII-Date-Added-Last</c>, all in
/// one transaction: killed at any point, the next pull loses nothing and stores nothing twice.
/// </summary>
public sealed class PullService(SqliteStixStore store, TaxiiClient client, StixValidator validator, IClock clock)
{
    /// <summary>Objects asked per page.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Most pages one transaction covers (fewer when the next page is not there yet).</summary>
    public int PagesPerTransaction { get; init; } = 10;

    /// <summary>
    /// For a partner: what its agreement accepts. Objects it refuses are kept in quarantine, not stored; the cursor
    /// still moves past them. Null accepts every valid object (a plain TAXII remote).
    /// </summary>
    public InboundGate? Inbound { get; init; }

    /// <summary>
    /// For a partner: our signer. Each object stored from it gets a receipt entry in our ledger, in the page's
    /// transaction, and each page a receipt signed over our checkpoint (in <see cref="PullReport.Receipts"/>, for the
    /// caller to send back). Null: no receipts (a plain TAXII remote).
    /// </summary>
    public LedgerSigner? Receipts { get; init; }

    /// <summary>Pulls every collection we can read on the remote's default API root, or only <paramref name="collectionId"/>.</summary>
    public async Task<IReadOnlyList<PullReport>> PullAsync(string remote, Uri discovery, string? collectionId = null, CancellationToken cancel = default)
    {
        var roots = await client.ApiRootsAsync(discovery, cancel).ConfigureAwait(false);
        if (roots.Count == 0)
        {
            throw new TaxiiClientException($"{discovery} advertises no API root");
        }

        var root = roots[0];
        var collections = await client.CollectionsAsync(root, cancel).ConfigureAwait(false);
        var targets = collections.Where(c => c.CanRead && (collectionId is null || c.Id == collectionId)).Select(c => c.Id).ToList();
        if (collectionId is not null && targets.Count == 0)
        {
            throw new TaxiiClientException($"remote '{remote}' has no collection '{collectionId}' that we may read");
        }

        var reports = new List<PullReport>();
        foreach (var target in targets)
        {
            reports.Add(await PullCollectionAsync(remote, root, target, cancel).ConfigureAwait(false));
        }

        return reports;
    }

    private async Task<PullReport> PullCollectionAsync(string remote, Uri root, string collection, CancellationToken cancel)
    {
        var report = new PullReport(collection) { Cursor = store.PullCursor(remote, collection) };
        var fetching = FetchAsync(root, collection, report.Cursor, cancel);
        SqliteWriteBatch? batch = null;
        var uncommitted = 0;
        string? cursor = null;

        void Commit()
        {
            if (batch is null)
            {
                return;
            }

            batch.Commit();
            batch.Dispose();
            batch = null;
            report.Pages += uncommitted;
            report.Cursor = cursor;
            uncommitted = 0;
        }

        try
        {
            while (true)
            {
                TaxiiPage page;
                PreparedPage prepared;
                try
                {
                    (page, prepared) = await fetching.ConfigureAwait(false);
                }
                catch
                {
                    // The remote or the network failed: what is stored so far is whole, with its cursor; keep it (and
                    // below, when the remote sends a page no pull can resume after).
                    Commit();
                    throw;
                }

                if (page.Objects.Count == 0)
                {
                    break;
                }

                if (page.DateAddedLast is null)
                {
                    Commit();
                    throw new TaxiiClientException($"remote '{remote}' did not send X-TAXII-Date-Added-Last, so a pull cannot resume safely");
                }

                // Ask for the next page while this one is stored: the network and the remote work while we write. The
                // durable cursor still moves only with the objects it covers, so a crash here loses nothing.
                if (page.More)
                {
                    fetching = FetchAsync(root, collection, page.DateAddedLast, cancel);
                }

                try
                {
                    batch ??= store.BeginBatch();
                    Store(remote, collection, page, prepared, report, batch);
                    uncommitted++;
                    cursor = page.DateAddedLast;
                    // Several pages per transaction: each commit writes every page its indexes dirtied to the log, so
                    // fewer commits write the same pages fewer times. Commit when that is enough, at the end, or when
                    // the next page has not arrived: the write lock is never held while waiting on the network.
                    if (!page.More || uncommitted == PagesPerTransaction || !fetching.IsCompleted)
                    {
                        Commit();
                    }
                }
                catch
                {
                    if (page.More)
                    {
                        _ = fetching.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    }

                    throw;
                }

                if (!page.More)
                {
                    break;
                }
            }

            Commit();
            return report;
        }
        finally
        {
            // Pages not committed roll back with the cursor that would have covered them: the next pull fetches them again.
            batch?.Dispose();
        }
    }

    /// <summary>
    /// Fetches a page and prepares it off the storing thread (validation, content hash, compact bytes, index facts), so
    /// that while one page is written the next is fetched and checked: the writer is the pull's bottleneck.
    /// </summary>
    private async Task<(TaxiiPage Page, PreparedPage Prepared)> FetchAsync(Uri root, string collection, string? after, CancellationToken cancel)
    {
        var page = await client.ObjectsPageAsync(root, collection, after, next: null, PageSize, cancel).ConfigureAwait(false);
        var prepared = new PreparedPage(new List<PreparedObject>(page.Objects.Count), []);
        var index = 0;
        foreach (var element in page.Objects)
        {
            var result = validator.Validate(element, index++);
            if (result.Object is { } stixObject)
            {
                prepared.Valid.Add(PreparedObject.Of(stixObject, result.MarkingRefs));
            }
            else
            {
                prepared.Invalid.Add(result.Errors);
            }
        }

        return (page, prepared);
    }

    private void Store(string remote, string collection, TaxiiPage page, PreparedPage prepared, PullReport report, SqliteWriteBatch batch)
    {
        var provenance = new Provenance(remote, collection, StixTimestamp.UnixMicrosecondsOf(clock.UtcNow));
        foreach (var errors in prepared.Invalid)
        {
            Reject(report, errors);
        }

        // The gate looks at what is stored, this pull's earlier pages included.
        var refused = Inbound is null
            ? []
            : Inbound.Refusals(store, prepared.Valid.Select(v => v.Object));
        var received = new List<ReceivedObject>();
        var results = ObjectIntake.Take(store, batch, prepared.Valid, Inbound?.Partner, refused, provenance.ReceivedAtMicroseconds,
            item => batch.AddReceived(item.Object, item.Hash, item.Utf8Json, item.Facts, provenance));
        foreach (var result in results)
        {
            var (stixObject, _, hash, _, _) = result.Item;
            switch (result.Outcome)
            {
                case IntakeOutcome.Quarantined:
                    report.Quarantined++;
                    // Received, though not accepted: the receipt says what arrived, the quarantine what became of it.
                    Acknowledge(batch, stixObject, hash, provenance, received, logged: true, report);
                    continue;
                case IntakeOutcome.MarkingUndefined:
                    Reject(report, [new StixError(null, stixObject.Id.Value, "$.object_marking_refs", $"marking {result.Reason} is not defined here")]);
                    continue;
                case IntakeOutcome.Refused:
                    Reject(report, [new StixError(null, stixObject.Id.Value, "$", result.Reason!)]);
                    break;
                case IntakeOutcome.New:
                    report.New++;
                    break;
                case IntakeOutcome.Updated:
                    report.Updated++;
                    break;
                case IntakeOutcome.Unchanged:
                    report.Unchanged++;
                    break;
            }

            if (Inbound is not null && stixObject.Type == Liaison.Core.Extensions.LiaisonExtensions.LedgerCheckpointType)
            {
                report.Checkpoints.Add(stixObject.Json);
            }

            if (Inbound is not null && result.IsNewVersion && stixObject.Type == Liaison.Core.Extensions.LiaisonExtensions.ActivityNoticeType)
            {
                report.Notices.Add(stixObject.Id.Value);
            }

            if (Inbound is not null && result.IsNewVersion && stixObject.Type == Liaison.Core.Extensions.LiaisonExtensions.ConflictReportType)
            {
                report.ConflictReports.Add(stixObject.Id.Value);
            }

            if (result.Outcome != IntakeOutcome.Refused)
            {
                Acknowledge(batch, stixObject, hash, provenance, received, logged: result.Outcome != IntakeOutcome.Unchanged, report);
            }
        }

        if (received.Count > 0)
        {
            // Signed over our own checkpoint, which now covers the receipt entries of this page. It travels inside the
            // receipt, not as a published checkpoint: the chain of checkpoints the partner verifies stays the one we
            // publish with our releases.
            var checkpoint = batch.IssueCheckpoint(Receipts!.Origin, Receipts.Key);
            var receipt = SignedReceipt.Sign(new Receipt(checkpoint, provenance.ReceivedAtMicroseconds, received), Receipts.Key);
            report.Receipts.Add(LedgerStix.ToStix(receipt, Receipts.IdentityId));
        }

        batch.SetPullCursor(remote, collection, page.DateAddedLast!);
    }

    /// <summary>For a partner: the object goes in this page's receipt, and (once per version) in our ledger.</summary>
    private void Acknowledge(SqliteWriteBatch batch, StixObject stixObject, ContentHash hash, Provenance provenance, List<ReceivedObject> received, bool logged, PullReport report)
    {
        if (Receipts is null || Inbound is null || ObjectKinds.Protocol.Contains(stixObject.Type))
        {
            return;
        }

        received.Add(new ReceivedObject(stixObject.Id.Value, stixObject.Version?.UnixMicroseconds, hash));
        report.ReceivedObjects.Add(received[^1]);
        if (logged)
        {
            batch.AppendLedger(new LedgerEntry(LedgerEntryKind.Receipt, provenance.ReceivedAtMicroseconds, Inbound.Partner,
                stixObject.Id.Value, stixObject.Version?.UnixMicroseconds, null, hash));
        }
    }

    private static void Reject(PullReport report, IReadOnlyList<StixError> errors)
    {
        report.Rejected++;
        foreach (var error in errors)
        {
            if (report.Errors.Count < 100)
            {
                report.Errors.Add(error);
            }
        }
    }

    /// <summary>A page's valid objects, ready to write, and the errors of the others.</summary>
    private sealed record PreparedPage(List<PreparedObject> Valid, List<IReadOnlyList<StixError>> Invalid);
}
