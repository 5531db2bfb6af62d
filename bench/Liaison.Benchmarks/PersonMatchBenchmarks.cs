using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Extensions;
using Liaison.Core.Persons;
using Liaison.Core.Validation;

namespace Liaison.Benchmarks;

/// <summary>
/// Answering one partner's person-match question on a node holding the 100,000-object corpus and 1,000 persons of
/// interest: every person read (and its read logged), its tags made with the partner's key, the question's 64 tags
/// looked up — what <c>POST /api/liaison/person-match/</c> does besides HTTP.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class PersonMatchBenchmarks
{
    private const int CorpusObjectCount = 100_000;
    private const int Persons = 1_000;

    private static readonly PersonMatchKey Key = new(Enumerable.Range(3, 32).Select(i => (byte)i).ToArray());

    private TempDatabase? _database;
    private PersonMatchQuery? _question;

    [GlobalSetup]
    public void Setup()
    {
        _database = new TempDatabase();
        var validator = new StixValidator(LiaisonExtensions.Instance);
        using (var batch = _database.Store.BeginBatch())
        {
            foreach (var o in CorpusObjects.Prepare(StixCorpus.Bundle(CorpusObjectCount)))
            {
                batch.Add(o.Object, o.Hash, o.Utf8Json, o.Facts);
            }

            for (var n = 1; n <= Persons; n++)
            {
                using var person = JsonDocument.Parse(Person(n));
                var result = validator.Validate(person.RootElement);
                batch.Add(result.Object ?? throw new InvalidOperationException($"the generated person is invalid: {string.Join("; ", result.Errors)}"));
            }

            batch.Commit();
        }

        _question = PersonMatchQuery.Create("q-1", [$"Person {Persons / 2} al-Faransi"], 1990, Key);
        if (!Answer())
        {
            throw new InvalidOperationException("the question should match a stored person");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();

    [Benchmark]
    public bool Answer()
    {
        var persons = _database!.Store.PersonsOfInterest("person-match");
        return new PersonMatchIndex(Key, persons).Answer(_question!).Match;
    }

    private static string Person(int n) => $$"""
        {
          "type": "identity", "spec_version": "2.1", "id": "identity--00000000-0000-4000-8000-{{n.ToString("D12", CultureInfo.InvariantCulture)}}",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Person of interest {{n.ToString(CultureInfo.InvariantCulture)}}", "identity_class": "individual",
          "extensions": {
            "{{LiaisonExtensions.PersonOfInterestId}}": {
              "extension_type": "property-extension",
              "names": [ { "value": "Person {{n.ToString(CultureInfo.InvariantCulture)}} al-Faransi", "script": "Latn" } ],
              "birth_year": 1990, "review_by": "2999-01-01T00:00:00Z"
            }
          }
        }
        """;
}
