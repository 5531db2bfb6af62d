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

    private volatile bool _disposed;

    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new(this, _idle.TryTake(out var store) ? store : SqliteStixStore.Open(databasePath, clock, CacheMebibytesPerStore));
    }

    /// <summary>Closes the idle stores; a store lent out is closed when it is given back.</summary>
    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
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
            if (pool._disposed || pool._idle.Count >= MaxIdle)
            {
                store.Dispose();
                return;
            }

            pool._idle.Add(store);
            // A request that outlived the server (a host disposed without being stopped does not wait for it) gives
            // its store back after the pool was closed: close it too, or its connection stays open until the process ends.
            if (pool._disposed)
            {
                pool.CloseIdle();
            }
        }
    }
}
