using System.Text.Json.Nodes;
using Liaison.Storage.Taxii;
using Microsoft.Data.Sqlite;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests.Taxii;

/// <summary>Posting to collections and reading what a page holds, for the TAXII storage tests.</summary>
internal static class TaxiiFixtures
{
    public const string Observable = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd";

    public static JsonObject IpAddress() => new()
    {
        ["type"] = "ipv4-addr",
        ["id"] = Observable,
        ["value"] = "198.51.100.3",
    };

    /// <summary>Posts each object to the collection in one committed batch, as a TAXII POST does.</summary>
    public static IReadOnlyList<WriteResult> Post(this TestStore test, Guid collection, params JsonObject[] objects)
    {
        using var batch = test.Store.BeginBatch();
        var results = objects.Select(o => batch.AddToCollection(collection, Valid(o))).ToList();
        batch.Commit();
        return results;
    }

    public static Guid NewCollection(this TestStore test, string title = "Outbound FRA", string? alias = null) =>
        test.Store.CreateCollection(title, alias: alias).Id;

    /// <summary>The entries of a whole read as "id@version-day" labels (version day from <see cref="StixFixtures.Stamp"/>), in order.</summary>
    public static List<string> Labels(this IEnumerable<CollectionEntry> entries) => entries.Select(Label).ToList();

    public static List<string> Labels(this CollectionPage page) => page.Entries.Labels();

    public static string Label(CollectionEntry entry)
    {
        var version = entry.Stored.Version == Sqlite.SqliteWriteBatch.Unversioned
            ? "-"
            : ((entry.Stored.Version - DayZero) / 86_400_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{entry.Stored.Id.Split("--")[0]}{Number(entry.Stored.Id)}@{version}";
    }

    /// <summary>Unix microseconds of <see cref="StixFixtures.Stamp"/>(day).</summary>
    public static long Micros(int day) => DayZero + (day * 86_400_000_000L);

    public static TaxiiFilter All => new() { Versions = new TaxiiVersionFilter(false, false, true, []) };

    /// <summary>Runs one statement on the database file, beside the store's own connection.</summary>
    public static object? Sql(this TestStore test, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={test.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static readonly long DayZero = (new DateTimeOffset(2015, 12, 1, 0, 0, 0, TimeSpan.Zero) - DateTimeOffset.UnixEpoch).Ticks / 10;

    private static string Number(string id) =>
        id.StartsWith("ipv4-addr", StringComparison.Ordinal) ? string.Empty : int.Parse(id[^12..], System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
