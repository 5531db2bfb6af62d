using Liaison.Core;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Tests;

/// <summary>A store in its own temporary directory, removed afterwards, with a clock the test controls.</summary>
internal sealed class TestStore : IDisposable
{
    public TestStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"liaison-store-test-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Store = SqliteStixStore.Open(Path.Combine(Directory, "test.db"), Clock);
    }

    public string Directory { get; }

    public ManualClock Clock { get; } = new();

    public SqliteStixStore Store { get; private set; }

    public string DatabasePath => Path.Combine(Directory, "test.db");

    public void Reopen()
    {
        Store.Dispose();
        Store = SqliteStixStore.Open(DatabasePath, Clock);
    }

    public WriteResult Add(Liaison.Core.Stix.StixObject stixObject)
    {
        using var batch = Store.BeginBatch();
        var result = batch.Add(stixObject);
        batch.Commit();
        return result;
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualClock : IClock
{
    public DateTimeOffset UtcNow { get; set; } = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
}
