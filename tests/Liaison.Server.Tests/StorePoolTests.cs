using Liaison.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Liaison.Server.Tests;

/// <summary>The stores lent to requests are all closed with the pool, even one given back after it.</summary>
public sealed class StorePoolTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"liaison-pool-test-{Guid.NewGuid():N}");

    public StorePoolTests() => Directory.CreateDirectory(_directory);

    private string Database => Path.Combine(_directory, "node.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void A_store_given_back_after_the_pool_was_closed_is_closed_too()
    {
        using (SqliteStixStore.Open(Database, WallClock.Instance))
        {
        }

        var pool = new StorePool(Database, WallClock.Instance);
        var idle = pool.Rent();
        var outliving = pool.Rent();
        Assert.False(outliving.Store.Contains("note--00000000-0000-4000-8000-000000000001"));
        idle.Dispose();

        pool.Dispose();
        // A request that outlived the server.
        outliving.Dispose();
        SqliteConnection.ClearAllPools();

        // SQLite removes the write-ahead log when the last connection to the database closes.
        Assert.False(File.Exists(Database + "-wal"), "a store lent by the pool is still open");
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }
}
