using Liaison.Core.Canonical;
using Liaison.Core.Stix;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteWriteBatch
{
    private RawStatement? _setCursor;
    private RawStatement? _recordProvenance;

    /// <summary>
    /// Moves a pull's durable cursor. Written in this batch's transaction, so the cursor and the objects it covers
    /// are committed together or not at all: a pull killed at any point resumes without loss or duplicates.
    /// </summary>
    public void SetPullCursor(string remote, string collectionId, string dateAdded)
    {
        _setCursor ??= Prepare(
            "INSERT INTO pull_cursors (remote, collection_id, date_added) VALUES (?1, ?2, ?3) " +
            "ON CONFLICT (remote, collection_id) DO UPDATE SET date_added = excluded.date_added");
        _setCursor.Bind(1, remote).Bind(2, collectionId).Bind(3, dateAdded).Execute();
    }

    /// <summary>Stores an object received from a remote and records where it came from (once per version and origin).</summary>
    public WriteResult AddReceived(StixObject stixObject, ContentHash hash, byte[] utf8Json, IndexFacts facts, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        ArgumentNullException.ThrowIfNull(provenance);
        var stored = Store(stixObject, hash, utf8Json, facts);
        if (stored.Result.Outcome != WriteOutcome.Refused)
        {
            // The row that holds the version is known here: no lookup by id (a probe of the largest random index).
            SaveProvenance(stored.Seq, provenance);
        }

        return stored.Result;
    }

    private void SaveProvenance(long seq, Provenance provenance)
    {
        _recordProvenance ??= Prepare("INSERT OR IGNORE INTO provenance (seq, remote, collection_id, received_at_us) VALUES (?1, ?2, ?3, ?4)");
        _recordProvenance.Bind(1, seq).Bind(2, provenance.Remote).Bind(3, provenance.CollectionId).Bind(4, provenance.ReceivedAtMicroseconds).Execute();
    }
}
