using Liaison.Storage.Sqlite;

namespace Liaison.Benchmarks;

/// <summary>A store in a directory of its own under the temp folder, deleted with it.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory;

    public TempDatabase()
    {
        _directory = Directory.CreateTempSubdirectory("liaison-bench-").FullName;
        Store = SqliteStixStore.Open(Path.Combine(_directory, "liaison.db"), new FixedClock());
    }

    public SqliteStixStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
