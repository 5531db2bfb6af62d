using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Canonical;
using Liaison.Core.Stix;

namespace Liaison.Benchmarks;

/// <summary>
/// RFC 8785 canonical JSON and the content hash (SHA-256 over it) per validated object, beside the compact
/// serialisation ingest also makes of every object (<see cref="StixObject.ToUtf8Bytes"/>) for scale.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class CanonicalHashBenchmarks
{
    private const int Objects = 512;

    private List<StixObject> _objects = [];

    [GlobalSetup]
    public void Setup() => _objects = CorpusObjects.Validate(CorpusObjects.Read(StixCorpus.Bundle(Objects)));

    [Benchmark(Baseline = true, OperationsPerInvoke = Objects)]
    public int CompactUtf8()
    {
        var bytes = 0;
        foreach (var stixObject in _objects)
        {
            bytes += stixObject.ToUtf8Bytes().Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Objects)]
    public int Canonicalize()
    {
        var bytes = 0;
        foreach (var stixObject in _objects)
        {
            bytes += CanonicalJson.Canonicalize(stixObject.Json).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Objects)]
    public int ContentHashOf()
    {
        var mix = 0;
        foreach (var stixObject in _objects)
        {
            mix ^= ContentHash.Of(stixObject.Json).Bytes[0];
        }

        return mix;
    }
}
