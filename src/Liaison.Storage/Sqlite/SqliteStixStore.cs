using System.Globalization;
using Liaison.Core;
using Liaison.Core.Geo;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

/// <summary>
/// The embedded STIX store: one SQLite file in WAL mode. Every version of every object is kept by (id, version);
/// reads see the latest. One instance owns one connection and is not thread safe; open one per thread or request
/// (SQLite lets many readers work beside one writer).
/// </summary>
public sealed partial class SqliteStixStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly IClock _clock;

    private SqliteStixStore(SqliteConnection connection, IClock clock, string path)
    {
        _connection = connection;
        _clock = clock;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => SqliteSchema.CurrentVersion(_connection);

    /// <summary>The page cache of a store used for bulk writes (ingest, pull): the B-trees stay hot.</summary>
    public const int DefaultCacheMebibytes = 128;

    /// <summary>
    /// Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date. Each open
    /// store has its own page cache of up to <paramref name="cacheMebibytes"/>; a server holding several stores open
    /// should give each a smaller one.
    /// </summary>
    /// <exception cref="StoreException">The file cannot be opened or has a newer schema.</exception>
    public static SqliteStixStore Open(string path, IClock clock, int cacheMebibytes = DefaultCacheMebibytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheMebibytes, 1);
        ArgumentNullException.ThrowIfNull(clock);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -" + (cacheMebibytes * 1024).ToString(CultureInfo.InvariantCulture) + "; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = 67108864; PRAGMA wal_autocheckpoint = 16384; PRAGMA busy_timeout = 10000;");
            connection.CreateFunction("distance_km", (double lat1, double lon1, double lat2, double lon2) =>
                new GeoPoint(lat1, lon1).DistanceKmTo(new GeoPoint(lat2, lon2)), isDeterministic: true);
            SqliteSchema.Migrate(connection, clock.UtcNow);
            return new SqliteStixStore(connection, clock, path);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException($"cannot open the database '{path}': {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Starts a batch: one write transaction, committed by <see cref="SqliteWriteBatch.Commit"/>.</summary>
    public SqliteWriteBatch BeginBatch() => new(_connection, _clock);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    internal SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static long ToLong(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
