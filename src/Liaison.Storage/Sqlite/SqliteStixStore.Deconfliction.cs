using System.Text;
using Liaison.Core.Extensions;
using Liaison.Storage.Deconfliction;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private static readonly byte[] ProtectedSiteKey = Encoding.UTF8.GetBytes(LiaisonExtensions.ProtectedSiteId);

    /// <summary>
    /// The latest, unrevoked activity notices and protected sites, each with the remote it was pulled from (null when
    /// it is our own), streamed in storage order. Reads the type index for notices and locations only.
    /// </summary>
    public IEnumerable<DeconflictionRecord> DeconflictionObjects()
    {
        using var command = Command(
            $"SELECT {Columns}, (SELECT p.remote FROM provenance p WHERE p.seq = o.seq ORDER BY p.received_at_us LIMIT 1) " +
            "FROM objects o JOIN object_keys k ON k.key = o.key " +
            "WHERE o.latest = 1 AND o.revoked = 0 AND (o.type = $notice OR (o.type = 'location' AND instr(o.json, $site) > 0)) " +
            // Our released copies are not notices of ours: they are what partners were told about them.
            "AND NOT EXISTS (SELECT 1 FROM release_outputs r WHERE r.object_id = k.id) ORDER BY o.seq");
        command.Parameters.AddWithValue("$notice", LiaisonExtensions.ActivityNoticeType);
        command.Parameters.AddWithValue("$site", ProtectedSiteKey);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var stored = new StoredObject(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4) != 0, reader.GetInt64(5) != 0, (byte[])reader[6], (byte[])reader[7]);
            yield return new DeconflictionRecord(stored, reader.IsDBNull(8) ? null : reader.GetString(8));
        }
    }
}
