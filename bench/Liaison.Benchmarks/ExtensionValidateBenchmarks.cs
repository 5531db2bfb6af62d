using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Liaison.Benchmarks.Corpus;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Benchmarks;

/// <summary>
/// <see cref="StixValidator.Validate"/> per object for one kind of object that carries a Liaison extension, without
/// and with the extension catalogue: the difference is the cost of checking the extension against its schema.
/// Incidents (casualty claims) and source identities (reliability) come from the mixed corpus; activity notices are
/// shaped like <c>liaison bench deconflict</c>'s (circles, boxes and corridors, a third of them air with a band).
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class ExtensionValidateBenchmarks
{
    private const int Objects = 96;

    private readonly StixValidator _stixOnly = new();
    private readonly StixValidator _withExtensions = new(LiaisonExtensions.Instance);
    private List<JsonElement> _elements = [];

    /// <summary>The kinds of object measured.</summary>
    public enum ObjectKind
    {
        IncidentWithClaims,
        IdentityWithReliability,
        ActivityNotice,
    }

    [Params(ObjectKind.IncidentWithClaims, ObjectKind.IdentityWithReliability, ObjectKind.ActivityNotice)]
    public ObjectKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var chosen = Kind switch
        {
            ObjectKind.IncidentWithClaims => CorpusObjects.Read(StixCorpus.Bundle(4_000)).Where(e => Is(e, "incident")).ToList(),
            ObjectKind.IdentityWithReliability => CorpusObjects.Read(StixCorpus.Bundle(4_000)).Where(e => Is(e, "identity") && e.TryGetProperty("extensions", out _)).ToList(),
            _ => Notices(Objects),
        };
        _elements = [.. Enumerable.Range(0, Objects).Select(i => chosen[i % chosen.Count])];

        // Both must accept every object, or the figures would be those of the error path.
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

    private static bool Is(JsonElement element, string type) => element.GetProperty("type").ValueEquals(type);

    private static List<JsonElement> Notices(int count)
    {
        var random = new Random(2015);
        var notices = new List<JsonElement>();
        for (var n = 0; n < count; n++)
        {
            var (lon, lat) = (35 + (random.NextDouble() * 7), 32 + (random.NextDouble() * 5));
            var area = (n % 3) switch
            {
                0 => $$"""{ "type": "Point", "coordinates": [{{Num(lon)}}, {{Num(lat)}}], "radius_m": {{Num(1_000 + (random.NextDouble() * 29_000))}} }""",
                1 => $$"""
                    { "type": "Polygon", "coordinates": [[[{{Num(lon)}}, {{Num(lat)}}], [{{Num(lon + 0.2)}}, {{Num(lat)}}], [{{Num(lon + 0.2)}}, {{Num(lat + 0.1)}}],
                      [{{Num(lon)}}, {{Num(lat + 0.1)}}], [{{Num(lon)}}, {{Num(lat)}}]]] }
                    """,
                _ => $$"""
                    { "type": "LineString", "coordinates": [[{{Num(lon)}}, {{Num(lat)}}], [{{Num(lon + 0.1)}}, {{Num(lat + 0.05)}}], [{{Num(lon + 0.15)}}, {{Num(lat + 0.12)}}]],
                      "width_m": {{Num(2_000 + (random.NextDouble() * 18_000))}} }
                    """,
            };
            var air = n % 3 == 1;
            var band = air ? """ "altitude_band": { "lower_m": 3000, "upper_m": 9000 }, """ : string.Empty;
            var json = $$"""
                {
                  "type": "x-liaison-activity-notice", "spec_version": "2.1", "id": "x-liaison-activity-notice--{{new Guid($"00000000-0000-4000-8000-{n:D12}")}}",
                  "created": "2015-12-10T00:00:00.000Z", "modified": "2015-12-10T00:00:00.000Z", "name": "Activity {{n}}",
                  "domain": "{{(air ? "air" : n % 3 == 0 ? "sea" : "land")}}", "area": {{area}}, {{band}}
                  "start_time": "2015-12-11T06:00:00Z", "end_time": "2015-12-12T18:00:00Z", "status": "active",
                  "contact": { "channel": "radio", "address": "{{random.Next(118, 137)}}.{{random.Next(0, 1000):D3}} MHz" },
                  "mission": "OP-{{n}}",
                  "extensions": { "{{LiaisonExtensions.ActivityNoticeId}}": { "extension_type": "new-sdo" } }
                }
                """;
            using var document = JsonDocument.Parse(json);
            notices.Add(document.RootElement.Clone());
        }

        return notices;
    }

    private static string Num(double value) => Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture);
}
