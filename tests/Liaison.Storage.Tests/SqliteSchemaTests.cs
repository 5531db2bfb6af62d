using System.Security.Cryptography;
using System.Text;
using Liaison.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Tests;

public sealed class SqliteSchemaTests
{
    // Applied migrations are frozen: existing nodes ran exactly these statements. Add a migration, never edit one.
    private static readonly (int Version, string Name, string Sha256)[] Golden =
    [
        (1, "objects, versions, time, space and text indexes", "984e6c935c4d3fd930900fabc40b96e0059ddac895bee3a4d400983d1ddfd9b8"),
        (2, "TAXII collections, membership, principals, grants and statuses", "a226290e609ad22731ea88b0997a63a50ca7807fe701078832d0cbbc44013faf"),
        (3, "pull cursors and provenance of received objects", "c4805af04d8d520742c5b645de64d8c0dd7918e423a26abc3e11d361c9982125"),
        (4, "ledger: entries, Merkle tree nodes, checkpoints issued and received, partner receipts", "67940aeff2e4d82920a64121a20a74c500ac63e1d1556b3af6951b874cd8e735"),
        (5, "partners, agreements, releases, approval queue and quarantine", "5ef12ff675b70cc8b341c2ae1823c3ed4e4df76bc42a636d4011386a9fa346af"),
        (6, "persons of interest: read log and retention purges", "736d7bf7a53d0ca3a79feb33229024367565aa7c97ce5536fc7418ff69130b4c"),
        (7, "partners' STIX identities", "a130bb51afc072c8905a011c48d198022a6aae2f7235682a362383a4f7437c32"),
    ];

    [Fact]
    public void Applied_migrations_never_change()
    {
        Assert.Equal(Golden.Length, Migrations.All.Count);
        for (var i = 0; i < Golden.Length; i++)
        {
            var migration = Migrations.All[i];
            Assert.Equal(Golden[i].Version, migration.Version);
            Assert.Equal(Golden[i].Name, migration.Name);
            Assert.Equal(Golden[i].Sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(migration.Sql.ReplaceLineEndings("\n")))));
        }
    }

    [Fact]
    public void Versions_increase_from_one()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
    }

    [Fact]
    public void Opening_twice_migrates_once()
    {
        using var test = new TestStore();
        test.Reopen();
        Assert.Equal(Migrations.Latest, test.Store.SchemaVersion);
    }

    [Fact]
    public void A_database_from_a_newer_program_is_refused_with_a_reason()
    {
        using var test = new TestStore();
        test.Store.Dispose();
        using (var connection = new SqliteConnection($"Data Source={test.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreException>(() => SqliteStixStore.Open(test.DatabasePath, test.Clock));
        Assert.Contains("newer than this program knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"liaison-not-a-db-{Guid.NewGuid():N}.db");
        File.WriteAllText(path, "this is not SQLite, just text that is long enough to look like a header............");
        try
        {
            var error = Assert.Throws<StoreException>(() => SqliteStixStore.Open(path, new ManualClock()));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
