using BenchmarkDotNet.Attributes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Geo;

namespace Liaison.Benchmarks;

/// <summary>
/// The deconfliction index alone: checking a new notice against 100,000 active notices, and filing notices into it.
/// Notices are spread over a theatre (10° W–60° E, 10°–60° N, as a coalition's would be) or packed into the eastern
/// Mediterranean (25°–50° E, 28°–42° N, about ten times denser, so each check meets dozens of candidates): circles of
/// 1–30 km, boxes of 0.02–0.4°, corridors of 2–4 legs 2–20 km wide, air, sea and land, all active at once.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class DeconflictionBenchmarks
{
    private const int Notices = 100_000;
    private const int Queries = 1_000;
    private const int Filed = 10_000;

    private DeconflictionIndex _index = null!;
    private DeconflictionSubject[] _queries = [];
    private DeconflictionSubject[] _toFile = [];

    [Params("theatre", "dense")]
    public string Spread { get; set; } = "theatre";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2015);
        var region = Spread == "dense" ? (West: 25.0, South: 28.0, East: 50.0, North: 42.0) : (West: -10.0, South: 10.0, East: 60.0, North: 60.0);
        _index = new DeconflictionIndex(DeconflictionRules.Default);
        for (var i = 0; i < Notices; i++)
        {
            _index.Upsert(Notice(random, region, i));
        }

        _queries = [.. Enumerable.Range(Notices, Queries).Select(i => Notice(random, region, i))];
        _toFile = [.. Enumerable.Range(Notices + Queries, Filed).Select(i => Notice(random, region, i))];
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int CheckAgainst100000()
    {
        var conflicts = 0;
        foreach (var query in _queries)
        {
            conflicts += _index.Check(query).Count;
        }

        return conflicts;
    }

    [Benchmark(OperationsPerInvoke = Filed)]
    public int File10000()
    {
        var index = new DeconflictionIndex(DeconflictionRules.Default);
        foreach (var notice in _toFile)
        {
            index.Upsert(notice);
        }

        return index.Count;
    }

    /// <summary>A random active notice in the region; the same seed gives the same notices.</summary>
    internal static DeconflictionSubject Notice(Random random, (double West, double South, double East, double North) region, int n)
    {
        var lon = region.West + (random.NextDouble() * (region.East - region.West));
        var lat = region.South + (random.NextDouble() * (region.North - region.South));
        var kind = random.NextDouble();
        Area area;
        if (kind < 0.5)
        {
            area = Area.Circle(new GeoPoint(lat, lon), 1_000 + (random.NextDouble() * 29_000));
        }
        else if (kind < 0.8)
        {
            var w = 0.02 + (random.NextDouble() * 0.38);
            var h = 0.02 + (random.NextDouble() * 0.38);
            Area.TryPolygon([[new(lat, lon), new(lat, lon + w), new(lat + h, lon + w), new(lat + h, lon), new(lat, lon)]], out area!, out _);
        }
        else
        {
            var line = new List<GeoPoint> { new(lat, lon) };
            for (var leg = random.Next(2, 5); leg > 0; leg--)
            {
                line.Add(new GeoPoint(Math.Clamp(line[^1].Latitude + (random.NextDouble() - 0.5), -89, 89), line[^1].Longitude + (random.NextDouble() - 0.5)));
            }

            Area.TryCorridor(line, 2_000 + (random.NextDouble() * 18_000), out area!, out _);
        }

        var domain = (ActivityDomain)random.Next(3);
        var floor = 500 + (random.NextDouble() * 8_000);
        var band = domain == ActivityDomain.Air ? new AltitudeBand(floor, floor + 300 + (random.NextDouble() * 2_700)) : AltitudeBand.AtSurface(domain);
        var start = Now - (long)(random.NextDouble() * 24 * Hour);
        var window = new TimeWindow(start, start + (12 * Hour) + (long)(random.NextDouble() * 60 * Hour));
        return new DeconflictionSubject($"x-liaison-activity-notice--00000000-0000-4000-8000-{n:D12}", SubjectKind.OwnNotice, domain, NoticeStatus.Active,
            new Volume(area, band, window), new Contact("radio", $"ops {n}"), null);
    }

    private const long Hour = 3_600_000_000L;

    private const long Now = 1_450_000_000_000_000L;
}
