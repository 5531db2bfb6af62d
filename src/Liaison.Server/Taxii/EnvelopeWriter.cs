using System.Threading.Channels;
using Liaison.Core;
using Liaison.Core.Agreements;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;
using Liaison.Server.Sync;
using Liaison.Storage;
using Liaison.Storage.Deconfliction;
using Liaison.Storage.Sqlite;
using Liaison.Storage.Taxii;

namespace Liaison.Server.Taxii;

/// <summary>
/// The one writer of POSTed envelopes. Requests validate and prepare their objects in parallel, then queue them here;
/// one thread with one connection writes what is queued, several envelopes per transaction (group commit), and each
/// request answers once its envelope is committed, so its status is complete.
/// </summary>
/// <remarks>
/// Why several per transaction: a commit writes every index page its transaction dirtied to the log, and random STIX
/// ids dirty about one page per object in each index, so envelopes committed together share most of that writing
/// (see docs/performance.md, "TAXII"). Why one connection: SQLite drops a connection's page cache whenever another
/// connection has written, so writers taking turns would each start cold. Envelopes are written in the order they
/// were queued; when one of a group fails, the group is rolled back and each envelope is written again on its own, so
/// a failure answers only the request it belongs to.
/// </remarks>
internal sealed class EnvelopeWriter : IDisposable
{
    /// <summary>A transaction takes queued envelopes until it holds this many objects (one envelope may hold more).</summary>
    public const int MaxObjectsPerTransaction = 20_000;

    // Queued envelopes are held in memory whole; a full queue makes further requests wait for room.
    private const int QueueCapacity = 16;

    private readonly Channel<PostedEnvelope> _queue = Channel.CreateBounded<PostedEnvelope>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly SqliteStixStore _store;
    private readonly LiaisonServerOptions _options;
    private readonly IClock _clock;
    private readonly Thread _thread;

    public EnvelopeWriter(LiaisonServerOptions options, IClock clock)
    {
        _options = options;
        _clock = clock;
        // A bulk writer's cache, as the ingest and the pull have: with 32 MiB it read three times as many pages back
        // from the file during a 200,000-object POST (176,000 reads against 58,000).
        _store = SqliteStixStore.Open(options.DatabasePath, clock);
        _thread = new Thread(Run) { IsBackground = true, Name = "TAXII envelope writer" };
        _thread.Start();
    }

    /// <summary>Queues the envelope and waits until it is written; the status is complete.</summary>
    /// <remarks>Cancelling gives up waiting for room in the queue; an envelope once queued is written.</remarks>
    public async Task<TaxiiStatus> WriteAsync(PostedEnvelope envelope, CancellationToken cancel)
    {
        await _queue.Writer.WriteAsync(envelope, cancel).ConfigureAwait(false);
        return await envelope.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>Writes what is still queued, then stops and closes the connection.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _store.Dispose();
    }

    private void Run()
    {
        var reader = _queue.Reader;
        var group = new List<PostedEnvelope>();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            var objects = 0;
            while (objects < MaxObjectsPerTransaction && reader.TryRead(out var envelope))
            {
                group.Add(envelope);
                objects += envelope.Valid.Count;
            }

            Write(group);
            group.Clear();
        }
    }

    private void Write(List<PostedEnvelope> group)
    {
        List<Outcome> outcomes;
        try
        {
            outcomes = WriteTogether(group);
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var envelope in group)
            {
                Write([envelope]);
            }

            return;
        }
        catch (Exception failure)
        {
            group[0].Completion.TrySetException(failure);
            return;
        }

        Complete(outcomes);
    }

    /// <summary>Writes the envelopes in one transaction; nothing is kept unless all of them are.</summary>
    private List<Outcome> WriteTogether(List<PostedEnvelope> group)
    {
        var outcomes = new List<Outcome>(group.Count);
        using var batch = _store.BeginBatch();
        foreach (var envelope in group)
        {
            outcomes.Add(WriteOne(envelope, batch));
        }

        batch.Commit();
        return outcomes;
    }

    private Outcome WriteOne(PostedEnvelope envelope, SqliteWriteBatch batch)
    {
        var outcome = new Outcome(envelope);
        outcome.Failures.AddRange(envelope.Invalid);
        // A partner writing to its inbound collection: our agreement's inbound rules decide, and what it sends
        // carries its provenance (so it is never taken for ours, nor passed on unless its markings allow).
        var partner = _store.PartnerOfPrincipal(envelope.Principal) is { } p && p.InboundCollection == envelope.CollectionId ? p : null;
        var gate = partner is null ? null : new InboundGate(partner.Code, _store.FindAgreement(partner.Code) is { } agreement ? AgreementParser.Parse(agreement.Text).Accept : InboundRules.Nothing);
        var refused = gate is null ? [] : gate.Refusals(_store, envelope.Valid.Select(v => v.Object));
        // A partner's signed receipt for what we released: kept (signatures checked with its pinned key) for 'ledger compare'.
        foreach (var item in envelope.Valid.Where(v => partner is not null && v.Object.Type == LiaisonExtensions.ReceiptType))
        {
            if (_store.SavePartnerReceipt(partner!.Code, partner.PublicKey, item.Object.Json) is { } receiptProblem)
            {
                refused[item.Object] = $"receipt refused: {receiptProblem}";
            }
        }

        var received = new Provenance(partner?.Code ?? "", envelope.CollectionId.ToString("D"), envelope.RequestedMicroseconds);
        outcome.Partner = partner?.Code;
        var results = ObjectIntake.Take(_store, batch, envelope.Valid, partner?.Code, refused, received.ReceivedAtMicroseconds, item => partner is null
            ? batch.AddToCollection(envelope.CollectionId, item.Object, item.Hash, item.Utf8Json, item.Facts)
            : batch.AddReceivedToCollection(envelope.CollectionId, item.Object, item.Hash, item.Utf8Json, item.Facts, received));
        foreach (var result in results)
        {
            var stixObject = result.Item.Object;
            var failure = result.Outcome switch
            {
                IntakeOutcome.Quarantined => $"quarantined: {result.Reason}",
                IntakeOutcome.MarkingUndefined => $"marking {result.Reason} is not defined: not a standard TLP marking, not in this envelope, not stored",
                IntakeOutcome.Refused => result.Reason,
                _ => null,
            };
            (failure is null ? outcome.Successes : outcome.Failures).Add(Detail(stixObject, failure));

            if (partner is not null && result.IsNewVersion && stixObject.Type == LiaisonExtensions.ActivityNoticeType)
            {
                outcome.Notices.Add(stixObject.Id.Value);
            }
        }

        return outcome;
    }

    /// <summary>After the commit: pushed notices are checked like pulled ones, statuses saved, requests answered.</summary>
    private void Complete(List<Outcome> outcomes)
    {
        var statuses = new List<(Outcome Outcome, TaxiiStatus Status)>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            try
            {
                if (outcome.Partner is { } partner && outcome.Notices.Count > 0 && _options.NodeIdentityId is { } reporter)
                {
                    NoticeArrival.Check(_store, _options.DeconflictionRules, partner, outcome.Notices, reporter, _clock.UtcNow);
                }

                var envelope = outcome.Envelope;
                statuses.Add((outcome, new TaxiiStatus(Guid.NewGuid(), envelope.CollectionId, envelope.Principal, true,
                    envelope.RequestedMicroseconds, outcome.Successes, outcome.Failures, [])));
            }
            catch (Exception failure)
            {
                outcome.Envelope.Completion.TrySetException(failure);
            }
        }

        try
        {
            _store.SaveStatuses([.. statuses.Select(s => s.Status)]);
        }
        catch (Exception failure)
        {
            foreach (var (outcome, _) in statuses)
            {
                outcome.Envelope.Completion.TrySetException(failure);
            }

            return;
        }

        foreach (var (outcome, status) in statuses)
        {
            outcome.Envelope.Completion.TrySetResult(status);
        }
    }

    private static TaxiiStatusDetail Detail(StixObject stixObject, string? message) =>
        new(stixObject.Id.Value, stixObject.Version is { } version ? version.Text : null, message);

    /// <summary>What became of one envelope's objects in the transaction.</summary>
    private sealed class Outcome(PostedEnvelope envelope)
    {
        public PostedEnvelope Envelope => envelope;

        public string? Partner { get; set; }

        public List<TaxiiStatusDetail> Successes { get; } = [];

        public List<TaxiiStatusDetail> Failures { get; } = [];

        public List<string> Notices { get; } = [];
    }
}

