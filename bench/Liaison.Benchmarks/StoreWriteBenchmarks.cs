using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Storage;

namespace Liaison.Benchmarks;

/// <summary>
/// One write transaction of 10,000 objects into a fresh database, per object: what ingest's writer does per batch
/// with objects its reading thread prepared (validated, hashed, compacted, index facts read). Rows, id keys, time
/// spans and the Z-order spatial index; not the full-text index, which is caught up separately.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class StoreWriteBenchmarks
{
    private const int BatchObjects = 10_000;

    private PreparedObject[] _objects = [];
    private TempDatabase? _database;
    private int _stored;

    [GlobalSetup]
    public void Setup() => _objects = [.. CorpusObjects.Prepare(StixCorpus.Bundle(BatchObjects))];

    [IterationSetup]
    public void OpenFreshDatabase() => _database = new TempDatabase();

    [IterationCleanup]
    public void DeleteDatabase()
    {
        _database?.Dispose();
        _database = null;
        if (_stored != BatchObjects)
        {
            throw new InvalidOperationException($"stored {_stored} new objects of {BatchObjects}");
        }
    }

    [Benchmark(OperationsPerInvoke = BatchObjects)]
    public int WriteBatch()
    {
        var stored = 0;
        using (var batch = _database!.Store.BeginBatch())
        {
            foreach (var o in _objects)
            {
                stored += batch.Add(o.Object, o.Hash, o.Utf8Json, o.Facts).Outcome == WriteOutcome.New ? 1 : 0;
            }

            batch.Commit();
        }

        _stored = stored;
        return stored;
    }
}
