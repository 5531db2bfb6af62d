using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;
using Liaison.Core.Validation;

namespace Liaison.Benchmarks;

/// <summary>
/// One partner clause applied per object (the release path's sanitisation): redaction, 10 km coarsening, hourly time
/// rounding, source pseudonyms and markings — the seed's RUS clause — and each step alone, on the mixed corpus.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private const int Objects = 512;

    private static readonly SourcePseudonymisation Pseudonyms = new(Encoding.UTF8.GetBytes("benchmark partner secret, 32 bytes!"));

    private readonly TransformSet _clause = new(
    [
        Redaction.Of("platform", "munition", "civilian_harm.description", $"extensions['{LiaisonExtensions.CasualtyClaimsId}'].claims[*].quote"),
        new LocationCoarsening(10),
        new TimeRounding(TimeGranularity.Hour),
        Pseudonyms,
        new MarkingAddition([WellKnownMarkings.Tlp2AmberId], [ReleasabilityMarking.RelTo("FRA", "RUS")]),
    ]);

    private List<JsonElement> _elements = [];

    [GlobalSetup]
    public void Setup()
    {
        _elements = CorpusObjects.Read(StixCorpus.Bundle(Objects));
        // The clause must succeed on the whole corpus, or the figures would be those of the error path.
        foreach (var element in _elements)
        {
            var result = _clause.Apply(element);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"the clause refused a corpus object: {string.Join("; ", result.Errors)}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Objects)]
    public int WholeClause() => Run(_clause);

    [Benchmark(OperationsPerInvoke = Objects)]
    public int CoarseningOnly() => Run(new LocationCoarsening(10));

    [Benchmark(OperationsPerInvoke = Objects)]
    public int PseudonymsOnly() => Run(Pseudonyms);

    private int Run(StixTransform transform)
    {
        var released = 0;
        foreach (var element in _elements)
        {
            if (transform.Apply(element).IsSuccess)
            {
                released++;
            }
        }

        return released;
    }
}
