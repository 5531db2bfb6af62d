using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests.Support;

/// <summary>
/// A temporary folder of the test's own, removed with everything in it; pooled SQLite connections are closed first so
/// that no open database keeps a file behind.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
