using System.Text;
using Liaison.Core.Canonical;
using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Tests.Ledger;

/// <summary>Entries, a fixed node key and direct access to the database file, for the ledger's storage tests.</summary>
internal static class LedgerFixtures
{
    public const string Origin = "liaison/identity--a6e3b4f0-1d3e-4c7a-9a57-0c6f3f1b2a10";
    public const long Time = 1_450_166_400_000_000;

    public static NodeKey Key() => NodeKey.Import(Encoding.ASCII.GetBytes(
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIG5pQ+hnXYsO6JNfC45QF9glhXXIp61QchqxlJlqw6gW\n-----END PRIVATE KEY-----\n"));

    public static NodeKey OtherKey() => NodeKey.Import(Encoding.ASCII.GetBytes(
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEILkgFYlAfz4180JSoy4IvxYqTh3+vqTUEXv21sebn/mx\n-----END PRIVATE KEY-----\n"));

    public static string ObjectId(int i) => $"incident--{i:x8}-0000-4000-8000-000000000000";

    public static ContentHash Hash(int i)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, i);
        bytes[31] = 0xa5;
        return ContentHash.FromBytes(bytes);
    }

    public static LedgerEntry Release(int i, string partner = "RUS") =>
        new(LedgerEntryKind.Release, Time + i, partner, ObjectId(i), Time, "RUS v3 release[0]", Hash(i));

    public static IEnumerable<LedgerEntry> Releases(int count, int from = 0) => Enumerable.Range(from, count).Select(i => Release(i));

    /// <summary>Runs SQL straight on the database file, as someone with access to the disk could.</summary>
    public static void Tamper(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
