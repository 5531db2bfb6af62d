using System.Security.Cryptography;
using System.Text;
using Liaison.Core.Agreements;
using Liaison.Core.Canonical;
using Liaison.Core.Ledger;
using Liaison.Storage.Partners;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteWriteBatch
{
    private RawStatement? _insertRelease;
    private RawStatement? _decideRelease;
    private RawStatement? _markOutput;
    private RawStatement? _setReleaseCursor;
    private RawStatement? _setWaiting;
    private RawStatement? _clearWaiting;
    private RawStatement? _quarantine;

    /// <summary>
    /// Records a new version of a partner's agreement and appends its ledger entry (the SHA-256 of the text), in this
    /// batch's transaction: the version check and the write cannot race another writer.
    /// </summary>
    /// <exception cref="StoreException">The version is not above the one in force.</exception>
    public AgreementRecord ApplyAgreement(Agreement agreement, string appliedBy, long nowMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        using (var latest = new RawStatement(_connection, "SELECT MAX(version) FROM agreements WHERE partner = ?1"))
        {
            if (latest.Bind(1, agreement.Partner).QueryInt64() is { } current && agreement.Version <= current)
            {
                throw new StoreException($"agreement with {agreement.Partner} is at version {current}: a new document needs a higher version than {agreement.Version}");
            }
        }

        var sha = SHA256.HashData(Encoding.UTF8.GetBytes(agreement.SourceText));
        using (var insert = new RawStatement(_connection, "INSERT INTO agreements (partner, version, applied_at_us, applied_by, sha256, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            insert.Bind(1, agreement.Partner).Bind(2, agreement.Version).Bind(3, nowMicroseconds).Bind(4, appliedBy)
                .Bind(5, Convert.ToHexStringLower(sha)).Bind(6, agreement.SourceText).Execute();
        }

        AppendLedger(new LedgerEntry(LedgerEntryKind.AgreementApplied, nowMicroseconds, agreement.Partner, clause: $"{agreement.Partner} v{agreement.Version}",
            contentHash: ContentHash.FromBytes(sha)));
        return new AgreementRecord(agreement.Partner, agreement.Version, nowMicroseconds, appliedBy, Convert.ToHexStringLower(sha), agreement.SourceText);
    }

    /// <summary>
    /// Records one release-log row (in this batch, with the objects it covers) and returns its number. A row for the
    /// same partner, source version and form (coarse or precise) replaces nothing: the first one stands, and its number
    /// is returned.
    /// </summary>
    public long RecordRelease(string partner, string sourceId, long sourceVersion, string releasedId, string? releasedModified, ReleaseState state,
        int agreementVersion, string clause, double? precisionKm, bool precise, string requestedBy, long requestedAt, string? reason, byte[]? contentHash)
    {
        _insertRelease ??= Prepare(
            "INSERT INTO releases (partner, source_id, source_version_us, released_id, released_modified, state, agreement_version, clause, precision_km, " +
            "precise, requested_by, requested_at_us, decided_by, decided_at_us, reason, content_hash) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, NULL, ?13, ?14) " +
            "ON CONFLICT (partner, source_id, source_version_us, precise) DO UPDATE SET partner = partner RETURNING id");
        _insertRelease.Bind(1, partner).Bind(2, sourceId).Bind(3, sourceVersion).Bind(4, releasedId);
        Text(_insertRelease, 5, releasedModified).Bind(6, SqliteStixStore.StateText(state)).Bind(7, agreementVersion).Bind(8, clause);
        if (precisionKm is { } km)
        {
            _insertRelease.Bind(9, km);
        }
        else
        {
            _insertRelease.BindNull(9);
        }

        _insertRelease.Bind(10, precise ? 1 : 0).Bind(11, requestedBy).Bind(12, requestedAt);
        Text(_insertRelease, 13, reason);
        if (contentHash is null)
        {
            _insertRelease.BindNull(14);
        }
        else
        {
            _insertRelease.Bind(14, contentHash);
        }

        return _insertRelease.QueryInt64()!.Value;
    }

    /// <summary>Moves a release-log row to a decided state (approved and released, rejected, withdrawn, failed).</summary>
    public void DecideRelease(long id, ReleaseState state, string? decidedBy, long decidedAt, string? reason, string? releasedModified, byte[]? contentHash)
    {
        _decideRelease ??= Prepare(
            "UPDATE releases SET state = ?2, decided_by = ?3, decided_at_us = ?4, reason = COALESCE(?5, reason), " +
            "released_modified = COALESCE(?6, released_modified), content_hash = COALESCE(?7, content_hash) WHERE id = ?1");
        _decideRelease.Bind(1, id).Bind(2, SqliteStixStore.StateText(state));
        Text(_decideRelease, 3, decidedBy).Bind(4, decidedAt);
        Text(_decideRelease, 5, reason);
        Text(_decideRelease, 6, releasedModified);
        if (contentHash is null)
        {
            _decideRelease.BindNull(7);
        }
        else
        {
            _decideRelease.Bind(7, contentHash);
        }

        _decideRelease.Execute();
    }

    private void MarkReleaseOutput(string objectId, string partner)
    {
        _markOutput ??= Prepare("INSERT OR IGNORE INTO release_outputs (object_id, partner) VALUES (?1, ?2)");
        _markOutput.Bind(1, objectId).Bind(2, partner).Execute();
    }

    /// <summary>Moves the partner's release cursor (committed with the releases it covers).</summary>
    public void SetReleaseCursor(string partner, long seq)
    {
        _setReleaseCursor ??= Prepare("INSERT INTO release_cursors (partner, seq) VALUES (?1, ?2) ON CONFLICT (partner) DO UPDATE SET seq = excluded.seq");
        _setReleaseCursor.Bind(1, partner).Bind(2, seq).Execute();
    }

    /// <summary>Puts (or keeps) an object version in the partner's waiting list.</summary>
    public void SetWaiting(string partner, string sourceId, long sourceVersion, long? notBefore, string reason)
    {
        _setWaiting ??= Prepare(
            "INSERT INTO release_waiting (partner, source_id, source_version_us, not_before_us, reason) VALUES (?1, ?2, ?3, ?4, ?5) " +
            "ON CONFLICT (partner, source_id) DO UPDATE SET source_version_us = excluded.source_version_us, not_before_us = excluded.not_before_us, reason = excluded.reason");
        _setWaiting.Bind(1, partner).Bind(2, sourceId).Bind(3, sourceVersion).Bind(4, notBefore).Bind(5, reason).Execute();
    }

    /// <summary>Takes an object off the partner's waiting list.</summary>
    public void ClearWaiting(string partner, string sourceId)
    {
        _clearWaiting ??= Prepare("DELETE FROM release_waiting WHERE partner = ?1 AND source_id = ?2");
        _clearWaiting.Bind(1, partner).Bind(2, sourceId).Execute();
    }

    /// <summary>Keeps an object a partner sent that our agreement does not accept, with the reason.</summary>
    public void Quarantine(string partner, string objectId, long receivedAt, string reason, ReadOnlySpan<byte> utf8Json)
    {
        _quarantine ??= Prepare("INSERT INTO quarantine (partner, object_id, received_at_us, reason, json) VALUES (?1, ?2, ?3, ?4, ?5)");
        _quarantine.Bind(1, partner).Bind(2, objectId).Bind(3, receivedAt).Bind(4, reason).Bind(5, utf8Json).Execute();
    }

    private static RawStatement Text(RawStatement statement, int index, string? value) =>
        value is null ? statement.BindNull(index) : statement.Bind(index, value);
}
