using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Liaison.Benchmarks;

/// <summary>
/// What this machine allows, independent of Liaison's code: the reference measurements the foundation issue bases its
/// ingest target on, reproduced exactly as it states them — Microsoft.Data.Sqlite, WAL, <c>synchronous = NORMAL</c>,
/// 10,000 rows per transaction, 300,000 random rows into a fresh file — per row; and <c>JsonDocument.Parse</c> of a
/// 330-byte object. Comparing these figures with the issue's tells how far a target set from them can be met here.
/// </summary>
[BenchConfig]
public class SqliteCalibrationBenchmarks
{
    private const int Rows = 300_000;
    private const int RowsPerTransaction = 10_000;

    private static readonly string[] Words =
    [
        "convoy", "checkpoint", "artillery", "village", "northern", "ridge", "observed", "vehicles", "moving", "towards",
        "river", "crossing", "militia", "positions", "reported", "airstrike", "casualties", "civilians", "market", "road",
    ];

    private string[] _ids = [];
    private (double Lat, double Lon)[] _points = [];
    private (string Name, string Description)[] _texts = [];
    private byte[] _object330 = [];
    private string? _directory;
    private SqliteConnection? _connection;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2015);
        _ids = new string[Rows];
        _points = new (double, double)[Rows];
        _texts = new (string, string)[Rows];
        var uuid = new byte[16];
        for (var i = 0; i < Rows; i++)
        {
            random.NextBytes(uuid);
            _ids[i] = "indicator--" + new Guid(uuid).ToString();
            _points[i] = (random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180);
            var description = new StringBuilder();
            for (var w = 0; w < 12; w++)
            {
                description.Append(w == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
            }

            _texts[i] = ("Group " + i.ToString(CultureInfo.InvariantCulture), description.ToString());
        }

        _object330 = Object330();
    }

    [IterationSetup(Targets = [nameof(RowidInsertWithUniqueId), nameof(RtreeInsertOfRandomPoint), nameof(Fts5InsertOfNameAndDescription)])]
    public void OpenFreshDatabase()
    {
        _directory = Directory.CreateTempSubdirectory("liaison-calibration-").FullName;
        _connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "calibration.db")};Pooling=False");
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute("CREATE TABLE keyed (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)");
        Execute("CREATE VIRTUAL TABLE spatial USING rtree (id, min_lon, max_lon, min_lat, max_lat)");
        Execute("CREATE VIRTUAL TABLE text USING fts5 (name, description)");
    }

    [IterationCleanup(Targets = [nameof(RowidInsertWithUniqueId), nameof(RtreeInsertOfRandomPoint), nameof(Fts5InsertOfNameAndDescription)])]
    public void DeleteDatabase()
    {
        _connection?.Dispose();
        _connection = null;
        SqliteConnection.ClearAllPools();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A plain rowid insert with a unique index on a random STIX id (the issue: ≈ 170,000 rows/s).</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public void RowidInsertWithUniqueId() => Load("INSERT INTO keyed (id) VALUES ($a)", (command, i) => command.Parameters[0].Value = _ids[i], 1);

    /// <summary>An SQLite R*Tree insert of a random point (the issue: ≈ 20,000 rows/s).</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public void RtreeInsertOfRandomPoint() => Load("INSERT INTO spatial VALUES (NULL, $a, $a, $b, $b)", (command, i) =>
    {
        command.Parameters[0].Value = _points[i].Lon;
        command.Parameters[1].Value = _points[i].Lat;
    }, 2);

    /// <summary>An FTS5 insert of a name and a twelve-word description (the issue: ≈ 47,000 rows/s).</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public void Fts5InsertOfNameAndDescription() => Load("INSERT INTO text (name, description) VALUES ($a, $b)", (command, i) =>
    {
        command.Parameters[0].Value = _texts[i].Name;
        command.Parameters[1].Value = _texts[i].Description;
    }, 2);

    /// <summary><c>JsonDocument.Parse</c> of one 330-byte STIX object (the issue: ≈ 465,000 objects/s on one core).</summary>
    [Benchmark]
    public int JsonDocumentParseOf330Bytes()
    {
        using var document = JsonDocument.Parse(_object330);
        return document.RootElement.GetPropertyCount();
    }

    private void Load(string sql, Action<SqliteCommand, int> bind, int parameters)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$a", null));
        if (parameters == 2)
        {
            command.Parameters.Add(new SqliteParameter("$b", null));
        }

        for (var start = 0; start < Rows; start += RowsPerTransaction)
        {
            using var transaction = _connection.BeginTransaction();
            command.Transaction = transaction;
            for (var i = start; i < start + RowsPerTransaction; i++)
            {
                bind(command, i);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // A sighting of the size the issue names: 330 bytes of compact JSON.
    private static byte[] Object330()
    {
        var json = """
            {"type":"sighting","spec_version":"2.1","id":"sighting--6a0d5f2e-8a4b-4c1e-9f3d-2b7c1e5a9d40","created":"2015-12-13T10:15:00.000Z","modified":"2015-12-13T10:15:00.000Z","count":300000000,"sighting_of_ref":"threat-actor--0b5f3c2a-1d4e-4f6a-8b9c-7d2e1f3a5b6c","where_sighted_refs":["location--9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"]}
            """u8.ToArray();
        if (json.Length != 330)
        {
            throw new InvalidOperationException($"the calibration object is {json.Length} bytes, not 330");
        }

        return json;
    }
}
