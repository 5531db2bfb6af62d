using Liaison.Core.Stix;
using Liaison.Storage.Retention;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>
    /// The person-of-interest records due for purge: those whose latest version's <c>review_by</c> is before now. A
    /// review is a new version with a later <c>review_by</c> (kept or corrected); a revoked record takes no new version,
    /// so it goes when its date passes. Read without logging person reads: only the review date is looked at.
    /// </summary>
    public IReadOnlyList<ExpiredPerson> ExpiredPersons()
    {
        var now = StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow);
        var expired = new List<ExpiredPerson>();
        using var versions = Command("SELECT COUNT(*) FROM objects WHERE key = $key");
        foreach (var (id, key, _, person) in LatestPersonRecords(heldOnly: false))
        {
            if (person.ReviewBy.UnixMicroseconds < now)
            {
                versions.Parameters.Clear();
                versions.Parameters.AddWithValue("$key", key);
                expired.Add(new ExpiredPerson(id, person.ReviewBy.Text, (int)ToLong(versions.ExecuteScalar())));
            }
        }

        return expired;
    }

    /// <summary>
    /// Purges every record <see cref="ExpiredPersons"/> lists, in one transaction: all versions and index rows go, and
    /// each purge is written to the purge log. <paramref name="alsoRecord"/> runs inside the same transaction for each
    /// purge (e.g. to append a ledger entry), so the purge, its log row and that record are committed together or not
    /// at all; if it throws, nothing is purged.
    /// </summary>
    /// <param name="purgedBy">Who runs the purge, for the log.</param>
    /// <param name="alsoRecord">An extra record to write with each purge, or null.</param>
    /// <returns>The purges done, in id order.</returns>
    public IReadOnlyList<PersonPurge> PurgeExpiredPersons(string purgedBy, Action<SqliteWriteBatch, PersonPurge>? alsoRecord = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purgedBy);
        var due = ExpiredPersons();
        var purges = new List<PersonPurge>();
        if (due.Count == 0)
        {
            return purges;
        }

        using var batch = BeginBatch();
        var now = StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow);
        foreach (var person in due)
        {
            var hashes = batch.PurgeObject(person.ObjectId);
            var seq = batch.LogPurge(now, purgedBy, person.ObjectId, person.ReviewBy, hashes);
            var purge = new PersonPurge(seq, person.ObjectId, person.ReviewBy, hashes, now, purgedBy);
            alsoRecord?.Invoke(batch, purge);
            purges.Add(purge);
        }

        batch.Commit();
        return purges;
    }

    /// <summary>The purge log, oldest first.</summary>
    public IReadOnlyList<PersonPurge> PersonPurges()
    {
        using var command = Command("SELECT seq, object_id, review_by, content_hashes, purged_at_us, purged_by FROM retention_purges ORDER BY seq");
        using var reader = command.ExecuteReader();
        var purges = new List<PersonPurge>();
        while (reader.Read())
        {
            var hashes = (byte[])reader[3];
            purges.Add(new PersonPurge(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                [.. hashes.Chunk(32)], reader.GetInt64(4), reader.GetString(5)));
        }

        return purges;
    }
}
