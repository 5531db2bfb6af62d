using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Agreements;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Benchmarks;

/// <summary>
/// A whole agreement per object, as the release pipeline runs it: the policy's decision (guards, first selecting
/// clause), then that clause's transforms; and the full build (transforms, released id, references rewritten, final
/// validation). The agreement is the seed's, widened to every kind of the mixed corpus.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class ReleaseBenchmarks
{
    private const int Objects = 512;

    private const string Agreement = """
        partner: RUS
        version: 1
        release:
          - name: strikes
            kinds: [strike-assessment]
            redact: [platform, munition, civilian_harm.description]
            location: { precision_km: 10 }
            time: { round: 1h }
            sources: pseudonymise
            add_markings: [TLP:AMBER, "REL TO FRA, RUS"]
          - name: positions
            kinds: [location, sighting, intrusion-set, threat-actor]
            location: { precision_km: 5 }
            time: { round: 1h }
            sources: pseudonymise
            add_markings: [TLP:AMBER]
          - name: the rest
            kinds: [identity, incident, report, relationship, note, indicator, malware, campaign, attack-pattern]
            sources: pseudonymise
            add_markings: [TLP:GREEN]
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private readonly ReleasePolicy _policy = new(AgreementParser.Parse(Agreement), Encoding.UTF8.GetBytes("benchmark partner secret, 32 bytes!"));
    private readonly HashSet<string> _emptySet = [];
    private ReleaseBuilder _builder = null!;
    private List<JsonElement> _elements = [];

    [GlobalSetup]
    public void Setup()
    {
        _builder = new ReleaseBuilder(_policy, new StixValidator(LiaisonExtensions.Instance));
        _elements = CorpusObjects.Read(StixCorpus.Bundle(Objects));
        var denied = _elements.Select(e => _policy.Decide(Candidate(e), Now)).Count(d => d.Outcome != ReleaseOutcome.Release);
        if (denied > 0)
        {
            throw new InvalidOperationException($"{denied} corpus objects are not released: the figures would be those of the deny path");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Objects)]
    public int DecideAndSanitise()
    {
        var released = 0;
        foreach (var element in _elements)
        {
            var decision = _policy.Decide(Candidate(element), Now);
            if (decision.Transforms!.Apply(element).IsSuccess)
            {
                released++;
            }
        }

        return released;
    }

    [Benchmark(OperationsPerInvoke = Objects)]
    public int DecideOnly()
    {
        var released = 0;
        foreach (var element in _elements)
        {
            if (_policy.Decide(Candidate(element), Now).Outcome == ReleaseOutcome.Release)
            {
                released++;
            }
        }

        return released;
    }

    [Benchmark(OperationsPerInvoke = Objects)]
    public int FullBuild()
    {
        var released = 0;
        foreach (var element in _elements)
        {
            var decision = _policy.Decide(Candidate(element), Now);
            if (_builder.Build(decision, element, _policy.Ids.For, null).Released is not null)
            {
                released++;
            }
        }

        return released;
    }

    private ReleaseCandidate Candidate(JsonElement element) => new(element, [], null, _emptySet, null);
}
