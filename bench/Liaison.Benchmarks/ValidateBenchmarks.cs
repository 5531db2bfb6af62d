using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Benchmarks;

/// <summary>
/// <see cref="StixValidator.Validate"/> per object, on elements exactly as the bundle reader yields them (so any copy
/// the validator makes is the one ingest pays): the STIX rules alone, then with the Liaison extensions' JSON schemas.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class ValidateBenchmarks
{
    private const int Objects = 512;

    private readonly StixValidator _stixOnly = new();
    private readonly StixValidator _withExtensions = new(LiaisonExtensions.Instance);
    private List<JsonElement> _elements = [];

    [GlobalSetup]
    public void Setup()
    {
        _elements = CorpusObjects.Read(StixCorpus.Bundle(Objects));
        // Both must accept the whole corpus, or the figures would be those of the error path.
        CorpusObjects.Validate(_elements, _stixOnly);
        CorpusObjects.Validate(_elements, _withExtensions);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Objects)]
    public int WithoutExtensions() => Run(_stixOnly);

    [Benchmark(OperationsPerInvoke = Objects)]
    public int WithLiaisonExtensions() => Run(_withExtensions);

    private int Run(StixValidator validator)
    {
        var valid = 0;
        foreach (var element in _elements)
        {
            valid += validator.Validate(element).IsValid ? 1 : 0;
        }

        return valid;
    }
}
