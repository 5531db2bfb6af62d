using System.Collections.Concurrent;
using Liaison.Core;
using Liaison.Storage.Sqlite;

namespace Liaison.Server;

/// <summary>
/// Open stores to lend to requests: a store owns one SQLite connection and is not thread safe, and opening one per
/// request would re-run the schema check every time. SQLite lets the borrowed stores read in parallel beside one
/// writer.
/// </summary>
internal sealed class StorePool(string databasePath, IClock clock) : IDisposable
{
    private readonly ConcurrentBag<SqliteStixStore> _idle = [];

    // Each open store has its own page cache: several small ones, not several bulk-sized ones.
    private const int CacheMebibytesPerStore = 24;
    private const int MaxIdle = 8;

    /// <summary>Who reads when no principal is known yet (the server itself), in the store's read log.</summary>
    public const string ServerReader = "taxii:server";

    public Lease Rent() => new(this, _idle.TryTake(out var store) ? store : SqliteStixStore.Open(databasePath, clock, CacheMebibytesPerStore));

    public void Dispose()
    {
        while (_idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }

    /// <summary>A borrowed store; dispose to give it back.</summary>
    public readonly struct Lease(StorePool pool, SqliteStixStore store) : IDisposable
    {
        public SqliteStixStore Store => store;

        public void Dispose()
        {
            // The next borrower reads as itself, never as the previous principal.
            store.Reader = ServerReader;
            if (pool._idle.Count < MaxIdle)
            {
                pool._idle.Add(store);
            }
            else
            {
                store.Dispose();
            }
        }
    }
}
