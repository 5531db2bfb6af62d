using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Geo;
using Liaison.Storage;

namespace Liaison.Benchmarks;

/// <summary>
/// <c>Query</c> by box and time on a store of 100,000 objects written by the same writer in batches of 10,000, per
/// query: random 1°×1° boxes in the corpus region with a 30-day window and the default limit of 100, the query
/// <c>liaison bench ingest</c> times end to end.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class StoreQueryBenchmarks
{
    private const int StoredObjects = 100_000;
    private const int WriteBatchObjects = 10_000;
    private const int Queries = 64;

    private TempDatabase? _database;
    private ObjectQuery[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        _database = new TempDatabase();
        foreach (var chunk in CorpusObjects.Prepare(StixCorpus.Bundle(StoredObjects)).Chunk(WriteBatchObjects))
        {
            using var batch = _database.Store.BeginBatch();
            foreach (var o in chunk)
            {
                batch.Add(o.Object, o.Hash, o.Utf8Json, o.Facts);
            }

            batch.Commit();
        }

        _queries = BoxAndTimeQueries(seed: 7);
        var results = _queries.Sum(q => _database.Store.Query(q).Count);
        Console.WriteLine($"// store: {_database.Store.Statistics().LocatedObjects:N0} located objects; {results / (double)Queries:F1} results per query on average");
    }

    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();

    [Benchmark(OperationsPerInvoke = Queries)]
    public int BoxAndTime()
    {
        var results = 0;
        foreach (var query in _queries)
        {
            results += _database!.Store.Query(query).Count;
        }

        return results;
    }

    private static ObjectQuery[] BoxAndTimeQueries(int seed)
    {
        var random = new Random(seed);
        var (minLon, minLat, maxLon, maxLat) = StixCorpus.Region;
        var queries = new ObjectQuery[Queries];
        for (var i = 0; i < Queries; i++)
        {
            var lon = minLon + (random.NextDouble() * (maxLon - minLon - 1));
            var lat = minLat + (random.NextDouble() * (maxLat - minLat - 1));
            var since = StixCorpus.Start.AddDays(random.Next(0, 700));
            queries[i] = new ObjectQuery
            {
                Box = new GeoBox(lon, lat, lon + 1, lat + 1),
                Since = (since - DateTimeOffset.UnixEpoch).Ticks / 10,
                Until = (since.AddDays(30) - DateTimeOffset.UnixEpoch).Ticks / 10,
                Limit = 100,
            };
        }

        return queries;
    }
}
