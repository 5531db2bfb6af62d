using Liaison.Core.Extensions;
using Liaison.Core.Persons;
using Liaison.Core.Stix;
using Liaison.Storage.Retention;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private static readonly byte[] PersonOfInterestKey = System.Text.Encoding.UTF8.GetBytes(LiaisonExtensions.PersonOfInterestId);

    /// <summary>
    /// Who reads through this store, recorded with every read of a person-of-interest record: the operating-system
    /// user by default (<c>local:NAME</c>); a server sets it to the authenticated principal for each request.
    /// </summary>
    public string Reader { get; set; } = "local:" + Environment.UserName;

    /// <summary>Every logged read of person-of-interest records, oldest first; of one record when <paramref name="objectId"/> is given.</summary>
    public IReadOnlyList<PersonRead> PersonReads(string? objectId = null)
    {
        using var command = Command("SELECT seq, read_at_us, reader, object_id, version_us, via FROM person_reads " +
                                    "WHERE $id IS NULL OR object_id = $id ORDER BY seq");
        command.Parameters.AddWithValue("$id", (object?)objectId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var reads = new List<PersonRead>();
        while (reader.Read())
        {
            reads.Add(new PersonRead(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5)));
        }

        return reads;
    }

    /// <summary>
    /// Records a read of every person-of-interest record among <paramref name="objects"/> (one row per version read)
    /// and returns them unchanged. The log row is written by the raw connection so that it joins an open write
    /// transaction rather than failing beside it.
    /// </summary>
    internal IReadOnlyList<T> LogPersonReads<T>(IReadOnlyList<T> objects, Func<T, StoredObject> stored, string via)
    {
        foreach (var item in objects)
        {
            var stix = stored(item);
            if (stix.Type is not ("identity" or "threat-actor") || stix.Utf8Json.AsSpan().IndexOf(PersonOfInterestKey) < 0
                || PersonRecord.Read(stix.ToJsonElement()) is null)
            {
                continue;
            }

            using var log = new RawStatement(_connection, "INSERT INTO person_reads (read_at_us, reader, object_id, version_us, via) VALUES (?1, ?2, ?3, ?4, ?5)");
            log.Bind(1, StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow)).Bind(2, Reader).Bind(3, stix.Id).Bind(4, stix.Version).Bind(5, via).Execute();
        }

        return objects;
    }
}
