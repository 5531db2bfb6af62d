using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Input;

namespace Liaison.Benchmarks;

/// <summary>
/// Reading a bundle into per-object JSON with <see cref="StixBundleReader"/>, per object. The baseline is
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of each object on its own, then the same
/// rejecting duplicate property names as the reader must: the floor its framing, line counting, UTF-8 check and copy
/// sit on.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private const int Objects = 512;

    private static readonly JsonDocumentOptions NoDuplicates = new() { AllowDuplicateProperties = false };

    private byte[] _bundle = [];
    private byte[][] _objects = [];

    [GlobalSetup]
    public void Setup()
    {
        _bundle = StixCorpus.Bundle(Objects);
        _objects = [.. CorpusObjects.Read(_bundle).Select(e => JsonSerializer.SerializeToUtf8Bytes(e))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Objects)]
    public int JsonDocumentParse() => ParseEach(default);

    [Benchmark(OperationsPerInvoke = Objects)]
    public int JsonDocumentParseNoDuplicates() => ParseEach(NoDuplicates);

    [Benchmark(OperationsPerInvoke = Objects)]
    public int BundleReader()
    {
        using var stream = new MemoryStream(_bundle, writable: false);
        var read = 0;
        foreach (var item in new StixBundleReader(stream).Read())
        {
            read += item.Element.HasValue ? 1 : 0;
        }

        return read == Objects ? read : throw new InvalidOperationException($"read {read} of {Objects} objects");
    }

    private int ParseEach(JsonDocumentOptions options)
    {
        var properties = 0;
        foreach (var utf8 in _objects)
        {
            using var document = JsonDocument.Parse(utf8, options);
            properties += document.RootElement.GetPropertyCount();
        }

        return properties;
    }
}
