using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core;
using Liaison.Core.Agreements;
using Liaison.Core.Canonical;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Storage.Ledger;
using Liaison.Storage.Partners;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Release;

/// <summary>
/// Releases to one partner what its agreement allows, into the partner's outbound collection: every object stored or
/// changed since the last run, and every object whose wait is over. Each object goes through the policy, its clause's
/// transforms and reference rewriting; what it references goes with it when allowed, else the reference is dropped or
/// the object held, as the agreement says. A new version of a released object is released as a new version of the
/// partner's copy; a revoked one, or one the agreement no longer allows, is withdrawn (revoked towards the partner).
/// </summary>
/// <remarks>
/// Work is done in chunks, each committed in one transaction with the cursor that covers it, so a run killed at any
/// point resumes without loss or duplicates. A dry run (<c>preview</c>) computes the same plan and writes nothing.
/// The release log (source id and version → released id, clause, agreement version) never leaves the node.
/// </remarks>
public sealed class ReleasePipeline
{
    /// <summary>
    /// How many stored versions one transaction covers. Large, because each commit writes again every index page the
    /// chunk dirtied (10,000 instead of 2,000 took a 200,000-object release from 4,700 to 6,700 objects/s); each chunk's
    /// checkpoint carries the chunk's ledger entries, well within the checkpoint schema's 100,000.
    /// </summary>
    public const int ChunkSize = 10_000;

    private readonly SqliteStixStore _store;
    private readonly StixValidator _validator;
    private readonly IClock _clock;
    private readonly LedgerSigner _signer;

    /// <summary>Creates the pipeline over a store; every release, withdrawal and decision goes into the node's ledger.</summary>
    public ReleasePipeline(SqliteStixStore store, StixValidator validator, IClock clock, LedgerSigner signer)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _signer = signer ?? throw new ArgumentNullException(nameof(signer));
    }

    /// <summary>Runs (or, with <paramref name="dryRun"/>, previews) the release to <paramref name="partner"/>.</summary>
    /// <param name="partner">The partner.</param>
    /// <param name="secret">The partner's secret (pseudonyms and released ids).</param>
    /// <param name="requestedBy">Who runs it (recorded on queued releases: the approver must be someone else).</param>
    /// <param name="dryRun">Compute the plan only.</param>
    /// <exception cref="StoreException">The partner has no agreement yet.</exception>
    public ReleaseRunReport Run(PartnerInfo partner, ReadOnlySpan<byte> secret, string requestedBy, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var record = _store.FindAgreement(partner.Code)
            ?? throw new StoreException($"no agreement with {partner.Code} yet: nothing is released until one is applied ('agreement apply FILE')");
        var run = new RunState(this, partner, record, AgreementParser.Parse(record.Text), secret, requestedBy, dryRun);
        return run.Execute();
    }

    /// <summary>
    /// Approves a queued release: builds it now, under the agreement in force, and releases it. The approver must not
    /// be the person who queued it.
    /// </summary>
    /// <exception cref="StoreException">No such pending release, the approver is the requester, or no agreement.</exception>
    public PlannedRelease Approve(PartnerInfo partner, ReadOnlySpan<byte> secret, long releaseId, string approver)
    {
        var pending = PendingRelease(partner, releaseId);
        if (string.Equals(pending.RequestedBy, approver, StringComparison.Ordinal))
        {
            throw new StoreException($"release {releaseId} was queued by {approver}: four eyes — someone else must approve it");
        }

        var record = _store.FindAgreement(partner.Code) ?? throw new StoreException($"no agreement with {partner.Code}");
        var run = new RunState(this, partner, record, AgreementParser.Parse(record.Text), secret, approver, dryRun: false);
        return run.ExecuteApproval(pending, approver);
    }

    /// <summary>Rejects a queued release with a reason; nothing is sent.</summary>
    /// <exception cref="StoreException">No such pending release, or the rejecter is the requester.</exception>
    public void Reject(PartnerInfo partner, long releaseId, string rejectedBy, string reason)
    {
        var pending = PendingRelease(partner, releaseId);
        if (string.Equals(pending.RequestedBy, rejectedBy, StringComparison.Ordinal))
        {
            throw new StoreException($"release {releaseId} was queued by {rejectedBy}: someone else must decide on it");
        }

        // The entry names the object as the partner would have known it, with the hash of what was refused.
        var source = _store.GetVersions(pending.SourceId).FirstOrDefault(v => v.Version == pending.SourceVersion);
        using var batch = _store.BeginBatch();
        batch.DecideRelease(releaseId, ReleaseState.Rejected, rejectedBy, NowMicroseconds(), reason, null, null);
        if (source is not null)
        {
            batch.AppendLedger(new LedgerEntry(LedgerEntryKind.Rejection, NowMicroseconds(), partner.Code, pending.ReleasedId, null,
                $"{partner.Code} v{pending.AgreementVersion} {pending.Clause}", ContentHash.FromBytes(source.ContentHash)));
        }

        batch.Commit();
    }

    private ReleaseRecord PendingRelease(PartnerInfo partner, long releaseId)
    {
        var pending = _store.FindRelease(releaseId);
        if (pending is null || pending.Partner != partner.Code)
        {
            throw new StoreException($"no release {releaseId} for {partner.Code}: see 'release queue'");
        }

        return pending.State == ReleaseState.Pending
            ? pending
            : throw new StoreException($"release {releaseId} is {SqliteStixStore.StateText(pending.State)}, not pending: it was decided already");
    }

    private long NowMicroseconds() => StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow);

    /// <summary>One run's state.</summary>
    private sealed class RunState
    {
        private readonly ReleasePipeline _owner;
        private readonly PartnerInfo _partner;
        private readonly AgreementRecord _record;
        private readonly ReleasePolicy _policy;
        private readonly ReleaseBuilder _builder;
        private readonly ReleaseContext _context;
        private readonly HashSet<string> _inForce;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<PlannedRelease> _items = [];
        private readonly string _requestedBy;
        private readonly bool _dryRun;
        private readonly HashSet<string> _companionsWritten = new(StringComparer.Ordinal);
        private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
        private readonly HashSet<string> _publicIds;
        private readonly List<byte[]> _range = [];
        private long? _rangeStart;
        private bool _logged;
        private long _publishedSize;
        private readonly DateTimeOffset _now;
        private readonly long _nowUs;
        private IReadOnlyDictionary<string, IReadOnlyList<ReleaseRecord>> _history = new Dictionary<string, IReadOnlyList<ReleaseRecord>>();
        private IReadOnlyDictionary<string, string> _origins = new Dictionary<string, string>();

        public RunState(ReleasePipeline owner, PartnerInfo partner, AgreementRecord record, Agreement agreement, ReadOnlySpan<byte> secret, string requestedBy, bool dryRun)
        {
            _owner = owner;
            _partner = partner;
            _record = record;
            _policy = new ReleasePolicy(agreement, secret);
            _builder = new ReleaseBuilder(_policy, owner._validator);
            _context = new ReleaseContext(owner._store, owner._store.Partners().Select(p => p.Code).ToHashSet(StringComparer.Ordinal));
            _inForce = new HashSet<string>(owner._store.ReleasedSources(partner.Code), StringComparer.Ordinal);
            // The two nodes' identities are public between them (each handed its own to the other).
            _publicIds = new HashSet<string>(StringComparer.Ordinal) { owner._signer.IdentityId };
            if (partner.IdentityId is { } theirs)
            {
                _publicIds.Add(theirs);
            }

            _publishedSize = owner._store.IssuedCheckpoints().LastOrDefault(c => c.Partner == partner.Code).Checkpoint?.Checkpoint.TreeSize ?? 0;
            _requestedBy = requestedBy;
            _dryRun = dryRun;
            _now = owner._clock.UtcNow;
            _nowUs = StixTimestamp.UnixMicrosecondsOf(_now);
        }

        private SqliteStixStore Store => _owner._store;

        public ReleaseRunReport Execute()
        {
            // What waited and is due goes first: it is older than anything the scan finds.
            var waiting = Store.WaitingReleases(_partner.Code);
            _waiting.UnionWith(waiting.Select(w => w.SourceId));
            var due = waiting.Where(w => w.NotBeforeMicroseconds is null || w.NotBeforeMicroseconds <= _nowUs)
                .Select(w => Store.Get(w.SourceId)).OfType<StoredObject>().ToList();
            Process(due, cursor: null);

            long scanned = 0;
            var cursor = Store.ReleaseCursor(_partner.Code);
            while (true)
            {
                var page = Store.ObjectsAfter(cursor, ChunkSize);
                if (page.Count == 0)
                {
                    break;
                }

                scanned += page.Count;
                cursor = page[^1].Seq;
                Process(page.Where(p => p.Object.IsLatest).Select(p => p.Object).ToList(), cursor);
            }

            return new ReleaseRunReport(_partner.Code, _record.Version, _items, scanned);
        }

        public PlannedRelease ExecuteApproval(ReleaseRecord pending, string approver)
        {
            var stored = Store.Get(pending.SourceId) ?? throw new StoreException($"the object of release {pending.Id} ({pending.SourceId}) is no longer stored");
            if (stored.Version != pending.SourceVersion)
            {
                throw new StoreException($"release {pending.Id} is for a version of {pending.SourceId} that has since been replaced: the next run queues the new version");
            }

            var json = stored.ToJsonElement();
            var decision = _policy.Decide(Candidate(stored.Id, json, Store.ReleasesOf(_partner.Code, stored.Id), Store.OriginsOf([stored.Id]).GetValueOrDefault(stored.Id)), _now);
            if (decision.Outcome is not (ReleaseOutcome.AwaitingApproval or ReleaseOutcome.Release))
            {
                throw new StoreException($"the agreement in force no longer releases {pending.SourceId} now ({decision.Reason}); reject it instead");
            }

            var work = new Dictionary<string, Work>(StringComparer.Ordinal) { [stored.Id] = new Work(stored, json, decision with { Outcome = ReleaseOutcome.Release }) };
            PullReferences(work, work[stored.Id]);
            var released = Build(work);
            var item = released.FirstOrDefault(i => i.SourceId == pending.SourceId)
                ?? throw new StoreException($"release {pending.Id} cannot be built now");
            if (item.Action != ReleaseAction.Release)
            {
                throw new StoreException($"release {pending.Id} cannot go out now: {item.Reason}");
            }

            using var batch = Store.BeginBatch();
            foreach (var other in released.Where(i => i.Action == ReleaseAction.Release))
            {
                Write(batch, other, pendingId: other.SourceId == pending.SourceId ? pending.Id : null, approver);
            }

            Publish(batch);
            batch.Commit();
            return item;
        }

        private void Process(List<StoredObject> objects, long? cursor)
        {
            var work = new Dictionary<string, Work>(StringComparer.Ordinal);
            var fresh = objects.Where(o => _seen.Add(o.Id)).Select(o => (Stored: o, Json: o.ToJsonElement())).ToList();
            var ids = fresh.Select(o => o.Stored.Id).ToList();
            // One query each for the chunk's release history, origins and referenced locations, rather than per object.
            _history = Store.ReleasesOf(_partner.Code, ids);
            _origins = Store.OriginsOf(ids);
            _context.Prefetch(fresh.Select(o => o.Json));
            foreach (var (stored, json) in fresh)
            {
                Consider(work, stored, pulledIn: false, json);
            }

            var planned = Build(work);
            if (_dryRun)
            {
                return;
            }

            using var batch = Store.BeginBatch();
            foreach (var item in planned)
            {
                Write(batch, item, pendingId: null, approver: null);
            }

            Publish(batch);

            if (cursor is { } seq)
            {
                batch.SetReleaseCursor(_partner.Code, seq);
            }

            batch.Commit();
        }

        private void Consider(Dictionary<string, Work> work, StoredObject stored, bool pulledIn, JsonElement? parsed = null)
        {
            if (work.ContainsKey(stored.Id))
            {
                return;
            }

            var json = parsed ?? stored.ToJsonElement();
            var history = pulledIn ? Store.ReleasesOf(_partner.Code, stored.Id) : _history.GetValueOrDefault(stored.Id) ?? [];
            if (stored.Revoked)
            {
                work[stored.Id] = new Work(stored, json, null) { History = history, PulledIn = pulledIn };
                return;
            }

            var origin = pulledIn ? Store.OriginsOf([stored.Id]).GetValueOrDefault(stored.Id) : _origins.GetValueOrDefault(stored.Id);
            var decision = _policy.Decide(Candidate(stored.Id, json, history, origin), _now);
            var entry = new Work(stored, json, decision) { History = history, PulledIn = pulledIn, Origin = origin };
            work[stored.Id] = entry;
            if (decision.Outcome == ReleaseOutcome.Release && !AlreadyHas(entry))
            {
                PullReferences(work, entry);
            }
        }

        // Objects it references go in the same run when the agreement allows them, so that references resolve.
        private void PullReferences(Dictionary<string, Work> work, Work entry)
        {
            foreach (var id in ReleaseReferences.Of(entry.Json))
            {
                if (!_inForce.Contains(id) && !work.ContainsKey(id) && Store.Get(id) is { IsLatest: true } target && !Store.IsReleaseOutput(id))
                {
                    _seen.Add(id);
                    Consider(work, target, pulledIn: true);
                }
            }
        }

        private ReleaseCandidate Candidate(string id, JsonElement json, IReadOnlyList<ReleaseRecord> history, string? origin)
        {
            var floor = history.Where(r => r.State == ReleaseState.Released && r.PrecisionKm is not null).Select(r => r.PrecisionKm).Max();
            return _context.Candidate(id, json, floor, origin);
        }

        private static bool AlreadyHas(Work entry) =>
            entry.History.Any(r => r.SourceVersion == entry.Stored.Version && r.Precise == entry.Decision!.IsPrecise
                && r.State is ReleaseState.Released or ReleaseState.Pending or ReleaseState.Rejected);

        private List<PlannedRelease> Build(Dictionary<string, Work> work)
        {
            var plan = new List<PlannedRelease>();
            var releasable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in work.Values)
            {
                if (entry.Decision is { Outcome: ReleaseOutcome.Release } && !AlreadyHas(entry))
                {
                    releasable.Add(entry.Stored.Id);
                }
            }

            // Building can hold or fail an object that others reference: drop it from the set and build again until
            // every reference that stays points to something that goes out (the set only shrinks, so this ends).
            var referenced = releasable.SelectMany(id => ReleaseReferences.Of(work[id].Json)).Where(id => !work.ContainsKey(id) || work[id].Origin is not null).Distinct().ToList();
            var fromPartner = Store.OriginsOf(referenced).Where(o => string.Equals(o.Value, _partner.Code, StringComparison.OrdinalIgnoreCase))
                .Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
            var built = new Dictionary<string, BuiltRelease>(StringComparer.Ordinal);
            var toBuild = releasable.ToList();
            while (toBuild.Count > 0)
            {
                var removed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var id in toBuild)
                {
                    var entry = work[id];
                    var result = _builder.Build(entry.Decision!, entry.Json, Resolve, PreviousModified(entry.History), _publicIds);
                    built[id] = result;
                    if (result.Released is null)
                    {
                        releasable.Remove(id);
                        removed.Add(id);
                    }
                }

                // Only what references a removed object can change: build those again.
                toBuild = removed.Count == 0 ? [] : releasable.Where(id => ReleaseReferences.Of(work[id].Json).Any(removed.Contains)).ToList();
            }

            // What the partner itself sent us it knows by its own ids: a reference to it stays as it is.
            string? Resolve(string id) => fromPartner.Contains(id) ? id : _inForce.Contains(id) || releasable.Contains(id) ? _policy.Ids.For(id) : null;

            foreach (var entry in work.Values)
            {
                if (Plan(entry, built.GetValueOrDefault(entry.Stored.Id)) is { } item)
                {
                    plan.Add(item);
                    if (!entry.PulledIn || item.Action != ReleaseAction.Deny)
                    {
                        // A run keeps what it did, not the objects it wrote: memory stays flat however much goes out.
                        _items.Add(_dryRun ? item : item with { Released = null, Companions = [], Validated = null });
                    }
                }
            }

            foreach (var item in plan)
            {
                if (item.Action == ReleaseAction.Release)
                {
                    _inForce.Add(item.SourceId);
                }
                else if (item.Action == ReleaseAction.Withdraw)
                {
                    _inForce.Remove(item.SourceId);
                }
            }

            return plan;
        }

        private PlannedRelease? Plan(Work entry, BuiltRelease? built)
        {
            var stored = entry.Stored;
            var releasedId = _policy.Ids.For(stored.Id);
            PlannedRelease Item(ReleaseAction action, string reason, long? notBefore = null, JsonObject? released = null, IReadOnlyList<JsonObject>? companions = null, string? change = null) =>
                new(stored.Id, stored.Version, stored.Type, action, entry.Decision?.Clause?.Name, reason, releasedId, notBefore, released, companions ?? [], change, entry.Decision);

            if (entry.Decision is null || entry.Decision.Outcome == ReleaseOutcome.Denied)
            {
                if (_inForce.Contains(stored.Id))
                {
                    return Withdrawal(entry, releasedId, entry.Decision is null ? "the object was revoked" : $"no longer allowed: {entry.Decision.Reason}");
                }

                return entry.Decision is null ? null : Item(ReleaseAction.Deny, entry.Decision.Reason);
            }

            var decision = entry.Decision;
            switch (decision.Outcome)
            {
                case ReleaseOutcome.Embargoed:
                    return Item(ReleaseAction.Wait, $"{decision.Reason}: embargo until {decision.NotBefore:u}", StixTimestamp.UnixMicrosecondsOf(decision.NotBefore!.Value));
                case ReleaseOutcome.AwaitingApproval:
                    return AlreadyHas(entry) ? null : Item(ReleaseAction.Queue, $"{decision.Reason} asks for approval");
            }

            if (AlreadyHas(entry))
            {
                return null;
            }

            if (built?.Released is { } released)
            {
                var change = entry.History.Any(r => r.State is ReleaseState.Released or ReleaseState.Withdrawn) ? "new version" : "new";
                return Item(ReleaseAction.Release, decision.Reason, released: released, companions: built.Companions, change: change) with { Validated = built.Validated };
            }

            if (built?.Error is { } error)
            {
                return entry.History.Any(r => r.SourceVersion == stored.Version && r.State == ReleaseState.Failed && r.AgreementVersion == _record.Version)
                    ? null
                    : Item(ReleaseAction.Fail, $"{decision.Reason} cannot be applied: {error}");
            }

            var missing = built?.Unresolved ?? [];
            return Item(ReleaseAction.Wait, $"{decision.Reason}: waits for {string.Join(", ", missing.Take(3))}{(missing.Count > 3 ? ", …" : "")} to be released");
        }

        private PlannedRelease? Withdrawal(Work entry, string releasedId, string reason)
        {
            if (Store.Get(releasedId) is not { } copy || copy.Revoked)
            {
                return null;
            }

            var revoked = JsonNode.Parse(copy.Utf8Json)!.AsObject();
            revoked["revoked"] = true;
            var now = StixTimestamp.FromUnixMicroseconds(_nowUs - (_nowUs % 1000));
            revoked["modified"] = StixTimestamp.VersionAfter(StixTimestamp.FromUnixMicroseconds(copy.Version), now).Text;
            return new PlannedRelease(entry.Stored.Id, entry.Stored.Version, entry.Stored.Type, ReleaseAction.Withdraw, null, reason, releasedId, null, revoked, [], "withdrawn", entry.Decision);
        }

        private static StixTimestamp? PreviousModified(IReadOnlyList<ReleaseRecord> history) =>
            history.FirstOrDefault(r => r.State is ReleaseState.Released or ReleaseState.Withdrawn && r.ReleasedModified is not null) is { } last
                ? StixTimestamp.Parse(last.ReleasedModified!)
                : null;

        private void Write(SqliteWriteBatch batch, PlannedRelease item, long? pendingId, string? approver)
        {
            var code = _partner.Code;
            var clause = item.Clause ?? "-";
            switch (item.Action)
            {
                case ReleaseAction.Release or ReleaseAction.Withdraw:
                    foreach (var companion in item.Companions)
                    {
                        // Pseudonyms and statements are the same objects every time: written once per run.
                        if (_companionsWritten.Add((string)companion["id"]!))
                        {
                            var (companionObject, companionHash) = Put(batch, companion);
                            Log(batch, LedgerEntryKind.Release, companionObject, companionHash, clause);
                        }
                    }

                    var (stored, hash) = Put(batch, item.Released!, item.Validated);
                    var modified = stored.Modified?.Text;
                    if (pendingId is not null)
                    {
                        Log(batch, LedgerEntryKind.Approval, stored, hash, clause);
                    }

                    Log(batch, item.Action == ReleaseAction.Release ? LedgerEntryKind.Release : LedgerEntryKind.Withdrawal, stored, hash, clause);
                    var state = item.Action == ReleaseAction.Release ? ReleaseState.Released : ReleaseState.Withdrawn;
                    if (pendingId is { } id)
                    {
                        batch.DecideRelease(id, state, approver, _nowUs, null, modified, hash.Bytes.ToArray());
                    }
                    else
                    {
                        batch.RecordRelease(code, item.SourceId, item.SourceVersion, item.ReleasedId, modified, state, _record.Version, clause,
                            item.Decision?.PrecisionKm, item.Decision?.IsPrecise ?? false, _requestedBy, _nowUs, item.Action == ReleaseAction.Withdraw ? item.Reason : null, hash.Bytes.ToArray());
                    }

                    Unwait(batch, item.SourceId);
                    if (item.Action == ReleaseAction.Release && item.Decision is { IsPrecise: false, PreciseAt: { } preciseAt } && preciseAt > _now)
                    {
                        batch.SetWaiting(code, item.SourceId, item.SourceVersion, StixTimestamp.UnixMicrosecondsOf(preciseAt), $"precise form after {preciseAt:u}");
                        _waiting.Add(item.SourceId);
                    }

                    break;
                case ReleaseAction.Queue:
                    batch.RecordRelease(code, item.SourceId, item.SourceVersion, item.ReleasedId, null, ReleaseState.Pending, _record.Version, clause,
                        item.Decision?.PrecisionKm, item.Decision?.IsPrecise ?? false, _requestedBy, _nowUs, null, null);
                    Unwait(batch, item.SourceId);
                    break;
                case ReleaseAction.Wait:
                    batch.SetWaiting(code, item.SourceId, item.SourceVersion, item.NotBeforeMicroseconds, item.Reason);
                    _waiting.Add(item.SourceId);
                    break;
                case ReleaseAction.Fail:
                    batch.RecordRelease(code, item.SourceId, item.SourceVersion, item.ReleasedId, null, ReleaseState.Failed, _record.Version, clause,
                        null, false, _requestedBy, _nowUs, item.Reason, null);
                    Unwait(batch, item.SourceId);
                    break;
                case ReleaseAction.Deny:
                    Unwait(batch, item.SourceId);
                    break;
            }
        }

        // Most objects never waited: only those on the list loaded at the start (or put there by this run) are taken off.
        private void Unwait(SqliteWriteBatch batch, string sourceId)
        {
            if (_waiting.Remove(sourceId))
            {
                batch.ClearWaiting(_partner.Code, sourceId);
            }
        }

        private (StixObject Stored, ContentHash Hash) Put(SqliteWriteBatch batch, JsonObject stixObject, StixObject? validated = null)
        {
            var valid = validated ?? _owner.Validate(stixObject);
            var hash = ContentHash.Of(valid.Json);
            batch.AddReleaseOutput(_partner.OutboundCollection, _partner.Code, valid, hash, valid.ToUtf8Bytes(), IndexFacts.Of(valid));
            return (valid, hash);
        }

        // The ledger names what the partner received: the released id and version, and the hash of exactly those bytes.
        private void Log(SqliteWriteBatch batch, LedgerEntryKind kind, StixObject released, ContentHash hash, string clause)
        {
            var record = batch.AppendLedger(new LedgerEntry(kind, _nowUs, _partner.Code, released.Id.Value, released.Version?.UnixMicroseconds,
                $"{_partner.Code} v{_record.Version} {clause}", hash));
            _rangeStart ??= record.Index;
            _range.Add(record.Encoded);
            _logged = true;
        }

        /// <summary>
        /// After a batch that sent something: a signed checkpoint of the ledger, into the partner's outbound collection
        /// with the objects it covers, so the partner can check inclusion and consistency.
        /// </summary>
        private void Publish(SqliteWriteBatch batch)
        {
            if (!_logged)
            {
                return;
            }

            var signer = _owner._signer;
            var checkpoint = batch.IssueCheckpoint(signer.Origin, signer.Key, _partner.Code);
            var size = checkpoint.Checkpoint.TreeSize;
            // With the proof that the partner's previous checkpoint is a prefix of this one, so it can detect a rewrite.
            var consistency = _publishedSize is > 0 and var from && from < size ? batch.LedgerConsistencyProof(from, size) : null;
            // The batch's entries are contiguous (one transaction) and end at the checkpoint: with the peaks before them,
            // the partner can prove each object it receives is in the log without seeing any other entry.
            var range = _rangeStart is { } start && start + _range.Count == size ? new LedgerRange(start, batch.LedgerPeaks(start), _range.ToList()) : null;
            Put(batch, LedgerStix.ToStix(checkpoint, signer.IdentityId, consistency, range));
            _publishedSize = size;
            _logged = false;
            _rangeStart = null;
            _range.Clear();
        }
    }

    private StixObject Validate(JsonObject stixObject)
    {
        var validation = _validator.Validate(JsonSerializer.SerializeToElement(stixObject));
        return validation.Object ?? throw new InvalidOperationException(
            $"a released object failed validation after sanitisation: {string.Join("; ", validation.Errors)}");
    }

    /// <summary>One object in a run, with its decision (null when it is revoked) and release history.</summary>
    private sealed record Work(StoredObject Stored, JsonElement Json, ReleaseDecision? Decision)
    {
        public IReadOnlyList<ReleaseRecord> History { get; init; } = [];

        public bool PulledIn { get; init; }

        /// <summary>The remote it came from; null for our own.</summary>
        public string? Origin { get; init; }
    }
}
