using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liaison.Core.Tests.Extensions;

/// <summary>
/// Valid instances of every extension schema to start mutations from: the examples, variants that take each
/// <c>if</c>/<c>then</c> branch and optional part, and every extension carried by the demo data.
/// </summary>
internal static class SchemaSeeds
{
    /// <summary>(schema file, subject) pairs; a schema not embedded in this build is skipped.</summary>
    public static IReadOnlyList<(string SchemaFile, JsonNode Subject)> All { get; } = Build();

    /// <summary>The STIX objects of every demo bundle (src/Liaison.Cli/Demo/*.json).</summary>
    public static IEnumerable<JsonElement> DemoObjects()
    {
        foreach (var file in Directory.GetFiles(DemoDirectory(), "*.json").Order(StringComparer.Ordinal))
        {
            using var bundle = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var stixObject in bundle.RootElement.GetProperty("objects").EnumerateArray())
            {
                yield return stixObject.Clone();
            }
        }
    }

    private static List<(string, JsonNode)> Build()
    {
        var objects = new List<JsonNode>
        {
            Examples.StrikeAssessment(),
            Examples.StrikeAssessment().Set("civilian_harm", """{ "assessment": "none-observed" }""").Set("name", null).Set("platform", null),
            Examples.Incident(),
            Examples.PersonOfInterest(),
            Examples.ActivityNotice(),
            Examples.ActivityNotice().Set("area", """{ "type": "MultiPolygon", "coordinates": [[[[38.2, 34.5], [38.8, 34.5], [38.8, 34.9], [38.2, 34.5]]], [[[1, 2], [3, 2], [3, 4], [1, 2]], [[1.5, 2.5], [2, 2.5], [2, 3], [1.5, 2.5]]]], "bbox": [1, 2, 38.8, 34.9] }"""),
            Examples.ActivityNotice().Set("area", """{ "type": "LineString", "coordinates": [[35.9, 34.9], [35.0, 35.5, 120]], "width_m": 20000 }"""),
            Examples.ActivityNotice().Set("domain", "\"land\"").Set("area", """{ "type": "Point", "coordinates": [35.75, 35.17], "radius_m": 5000 }""")
                .Set("altitude_band", """{ "lower_m": "surface", "upper_m": 200 }""").Set("contact", """{ "channel": "liaison-officer", "address": "Hmeimim desk" }"""),
            Examples.ActivityNotice().Set("domain", "\"sea\"").Set("altitude_band", null).Set("x_exercise", "\"Dynamic Manta\""),
            Examples.ProtectedSite(),
            Examples.ProtectedSite().Set($"extensions/{Liaison.Core.Extensions.LiaisonExtensions.ProtectedSiteId}/radius_m", null)
                .Set($"extensions/{Liaison.Core.Extensions.LiaisonExtensions.ProtectedSiteId}/area",
                    """{ "type": "Polygon", "coordinates": [[[36.3, 35.1], [36.5, 35.1], [36.5, 35.3], [36.3, 35.1]]] }"""),
            Examples.RequestForInformation(),
            Examples.RequestForInformation().Set("status", "\"answered\"").Set("answer_refs", $"""["{Examples.Article}", "{Examples.Place}"]"""),
            Examples.LedgerCheckpoint(),
            Examples.LedgerCheckpoint()
                .Set("consistency", $$"""{ "from_size": 1000, "path": ["{{Examples.RootHash}}", "{{Examples.RootHash.Replace('0', 'a')}}"] }""")
                .Set("entries", $$"""{ "from_index": 1000, "peaks": ["{{Examples.RootHash}}"], "encoded": ["AAEC", "AAECAw==", "AAECAwQ="] }"""),
            Examples.Receipt(),
            Examples.Receipt().Set("checkpoint_ref", null).Set("checkpoint", $$"""
                { "origin": "liaison.rus.example/ledger", "tree_size": 0, "root_hash": "{{Examples.RootHash}}",
                  "checkpoint_time": "2015-12-15T08:00:00Z", "key_id": "rus-ledger-2015", "signature": "{{Examples.Signature}}" }
                """),
            Examples.SourceReliability(),
        };

        var seeds = new List<(string, JsonNode)>();
        foreach (var stixObject in objects)
        {
            using var document = JsonDocument.Parse(stixObject.ToJsonString());
            seeds.AddRange(SubjectsOf(document.RootElement));
        }

        foreach (var stixObject in DemoObjects())
        {
            seeds.AddRange(SubjectsOf(stixObject));
        }

        if (SchemaVerdicts.IsEmbedded("conflict-report.json"))
        {
            seeds.Add(("conflict-report.json", JsonNode.Parse($$"""
                {
                  "type": "x-liaison-conflict-report", "spec_version": "2.1",
                  "id": "x-liaison-conflict-report--5d0c7a9e-3b1f-4e2a-9c8d-7f6e5d4c3b2a",
                  "created": "2015-12-16T01:00:00.000Z", "modified": "2015-12-16T01:00:00.000Z", "created_by_ref": "{{Examples.Assessor}}",
                  "notice_ref": "x-liaison-activity-notice--0ae1eba0-b916-4d44-9f68-11aa1e8d0406",
                  "overlap": { "bbox": [38.2, 34.5, 38.8, 34.9], "altitude_band": { "lower_m": 3000, "upper_m": 9000 },
                               "start_time": "2015-12-16T02:00:00Z", "end_time": "2015-12-16T05:00:00Z" },
                  "contacts": [{ "channel": "radio", "address": "243.000 MHz", "name": "ops desk" }, { "channel": "phone", "address": "+33 1 00 00 00 00" }],
                  "protected_category": "hospital",
                  "extensions": { "extension-definition--3b8e0f4c-9d27-4a61-b5c3-7e2f1a9d4c86": { "extension_type": "new-sdo" } }
                }
                """)!));
        }

        return seeds;
    }

    private static List<(string, JsonNode)> SubjectsOf(JsonElement stixObject) =>
        SchemaVerdicts.Subjects(stixObject).Select(s => (s.SchemaFile, JsonNode.Parse(s.Subject.GetRawText())!)).ToList();

    private static string DemoDirectory([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(source)!, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Liaison.Cli", "Demo");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("src/Liaison.Cli/Demo not found above the test source or binaries");
    }
}
