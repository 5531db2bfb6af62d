using System.Text.Json;
using Liaison.Storage.Taxii;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>How long a status resource is kept after its last save, at least (TAXII asks for 24 hours).</summary>
    public static readonly TimeSpan StatusRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// Saves a status resource, replacing any earlier save of the same id (a pending status that completes), and
    /// removes statuses last saved more than <see cref="StatusRetention"/> ago.
    /// </summary>
    public void SaveStatus(TaxiiStatus status) => SaveStatuses([status]);

    /// <summary>Saves several status resources in one transaction, as <see cref="SaveStatus"/> saves one.</summary>
    public void SaveStatuses(IReadOnlyCollection<TaxiiStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var now = NowMicroseconds();
        using var transaction = _connection.BeginTransaction(deferred: false);
        using (var purge = Command("DELETE FROM statuses WHERE saved_at_us < $cutoff", transaction))
        {
            purge.Parameters.AddWithValue("$cutoff", now - (StatusRetention.Ticks / 10));
            purge.ExecuteNonQuery();
        }

        using var save = Command(
            "INSERT OR REPLACE INTO statuses (id, collection_id, principal, complete, request_timestamp_us, saved_at_us, details) " +
            "VALUES ($id, $collection, $principal, $complete, $requested, $now, $details)",
            transaction);
        foreach (var status in statuses)
        {
            ArgumentNullException.ThrowIfNull(status);
            save.Parameters.Clear();
            save.Parameters.AddWithValue("$id", CollectionIdText(status.Id));
            save.Parameters.AddWithValue("$collection", CollectionIdText(status.CollectionId));
            save.Parameters.AddWithValue("$principal", status.Principal);
            save.Parameters.AddWithValue("$complete", status.Complete);
            save.Parameters.AddWithValue("$requested", status.RequestTimestampMicroseconds);
            save.Parameters.AddWithValue("$now", now);
            save.Parameters.AddWithValue("$details", WriteDetails(status));
            save.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The status resource with this id; null when unknown or purged.</summary>
    public TaxiiStatus? FindStatus(Guid id)
    {
        using var command = Command("SELECT collection_id, principal, complete, request_timestamp_us, details FROM statuses WHERE id = $id");
        command.Parameters.AddWithValue("$id", CollectionIdText(id));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        using var details = JsonDocument.Parse((byte[])reader[4]);
        var root = details.RootElement;
        return new TaxiiStatus(
            id,
            Guid.Parse(reader.GetString(0)),
            reader.GetString(1),
            reader.GetBoolean(2),
            reader.GetInt64(3),
            ReadDetails(root, "successes"),
            ReadDetails(root, "failures"),
            ReadDetails(root, "pendings"));
    }

    private static byte[] WriteDetails(TaxiiStatus status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteList(writer, "successes", status.Successes);
            WriteList(writer, "failures", status.Failures);
            WriteList(writer, "pendings", status.Pendings);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<TaxiiStatusDetail> details)
    {
        writer.WriteStartArray(name);
        foreach (var detail in details)
        {
            detail.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private static List<TaxiiStatusDetail> ReadDetails(JsonElement root, string name)
    {
        var results = new List<TaxiiStatusDetail>();
        foreach (var item in root.GetProperty(name).EnumerateArray())
        {
            results.Add(new TaxiiStatusDetail(
                item.GetProperty("id").GetString()!,
                item.TryGetProperty("version", out var version) ? version.GetString() : null,
                item.TryGetProperty("message", out var message) ? message.GetString() : null));
        }

        return results;
    }
}
