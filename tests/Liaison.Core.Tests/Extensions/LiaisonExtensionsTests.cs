using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Tests.Extensions;

public sealed class LiaisonExtensionsTests
{
    private static readonly LiaisonExtensions Catalog = LiaisonExtensions.Instance;

    // Golden: these ids and type names are persisted and exchanged with partners. Never edit a line; only add.
    private static readonly (string Id, string ShortName, string ExtensionType, string? DefinesType, string[] AppliesTo)[] Frozen =
    [
        ("extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4", "strike-assessment", "new-sdo", "x-liaison-strike-assessment", ["x-liaison-strike-assessment"]),
        ("extension-definition--12527e46-6eea-4d1b-8e04-4c04d130a1dc", "incident-casualty-claims", "property-extension", null, ["incident"]),
        ("extension-definition--1f2fba30-f580-4b23-a500-7ad45e6707ef", "person-of-interest", "property-extension", null, ["identity", "threat-actor"]),
        ("extension-definition--14429fd2-e8e3-4778-9449-d553beff187c", "activity-notice", "new-sdo", "x-liaison-activity-notice", ["x-liaison-activity-notice"]),
        ("extension-definition--5f235251-9b36-405d-83d4-5b964461fd20", "protected-site", "property-extension", null, ["location"]),
        ("extension-definition--a2995926-e222-4563-acfb-fcd9a70d7c7a", "request-for-information", "new-sdo", "x-liaison-rfi", ["x-liaison-rfi"]),
        ("extension-definition--c4c44f2c-17f3-40e6-ac62-64f0bf841c56", "ledger-checkpoint", "new-sdo", "x-liaison-ledger-checkpoint", ["x-liaison-ledger-checkpoint"]),
        ("extension-definition--57c8ccc3-76d8-4224-8c56-e77097998d46", "receipt", "new-sdo", "x-liaison-receipt", ["x-liaison-receipt"]),
        ("extension-definition--77fd4530-e33d-47ec-9212-f2d40dae36b0", "source-reliability", "property-extension", null, ["identity"]),
        ("extension-definition--3b8e0f4c-9d27-4a61-b5c3-7e2f1a9d4c86", "conflict-report", "new-sdo", "x-liaison-conflict-report", ["x-liaison-conflict-report"]),
    ];

    [Fact]
    public void The_extension_ids_and_type_names_are_frozen()
    {
        var actual = Catalog.All.Select(e => (e.Id, e.ShortName, e.ExtensionType.ToWireName(), e.DefinesType, string.Join(",", e.AppliesTo)));
        var expected = Frozen.Select(f => (f.Id, f.ShortName, f.ExtensionType, f.DefinesType, string.Join(",", f.AppliesTo)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_public_constants_match_the_frozen_ids()
    {
        Assert.Equal("identity--be430ffe-9ca7-4c2f-a4ca-09f3da803ced", LiaisonExtensions.ProjectIdentityId);
        Assert.Equal(
            [
                LiaisonExtensions.StrikeAssessmentId, LiaisonExtensions.CasualtyClaimsId, LiaisonExtensions.PersonOfInterestId,
                LiaisonExtensions.ActivityNoticeId, LiaisonExtensions.ProtectedSiteId, LiaisonExtensions.RequestForInformationId,
                LiaisonExtensions.LedgerCheckpointId, LiaisonExtensions.ReceiptId, LiaisonExtensions.SourceReliabilityId,
                LiaisonExtensions.ConflictReportId,
            ],
            Frozen.Select(f => f.Id));
        Assert.Equal(
            [
                LiaisonExtensions.StrikeAssessmentType, LiaisonExtensions.ActivityNoticeType, LiaisonExtensions.RequestForInformationType,
                LiaisonExtensions.LedgerCheckpointType, LiaisonExtensions.ReceiptType, LiaisonExtensions.ConflictReportType,
            ],
            Frozen.Where(f => f.DefinesType is not null).Select(f => f.DefinesType));
    }

    [Fact]
    public void Each_definition_is_a_well_formed_extension_definition()
    {
        Assert.Equal(Frozen.Length, Catalog.Definitions.Count);
        foreach (var (definition, extension) in Catalog.Definitions.Zip(Catalog.All))
        {
            Assert.Equal("extension-definition", definition.GetProperty("type").GetString());
            Assert.Equal("2.1", definition.GetProperty("spec_version").GetString());
            var id = StixId.Parse(definition.GetProperty("id").GetString()!);
            Assert.Equal("extension-definition", id.Type);
            Assert.Equal(extension.Id, id.Value);
            Assert.Equal(LiaisonExtensions.ProjectIdentityId, definition.GetProperty("created_by_ref").GetString());
            var created = StixTimestamp.Parse(definition.GetProperty("created").GetString()!);
            var modified = StixTimestamp.Parse(definition.GetProperty("modified").GetString()!);
            Assert.True(created.FractionDigits >= 3 && modified >= created);
            Assert.StartsWith("Liaison ", definition.GetProperty("name").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(definition.GetProperty("description").GetString()));
            Assert.Equal(LiaisonExtensions.SchemaBaseUrl + extension.SchemaFileName, definition.GetProperty("schema").GetString());
            Assert.Equal("1.0", definition.GetProperty("version").GetString());
            Assert.Equal([extension.ExtensionType.ToWireName()], definition.GetProperty("extension_types").EnumerateArray().Select(t => t.GetString()));
            Assert.False(definition.TryGetProperty("extension_properties", out _), "extension_properties is only for toplevel-property-extension");
            if (extension.DefinesType is { } type)
            {
                Assert.True(StixNames.IsValidTypeName(type, out var reason), reason);
                Assert.StartsWith("x-liaison-", type, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_project_identity_is_a_well_formed_organization()
    {
        var identity = Catalog.ProjectIdentity;
        Assert.Equal("identity", identity.GetProperty("type").GetString());
        Assert.Equal(LiaisonExtensions.ProjectIdentityId, StixId.Parse(identity.GetProperty("id").GetString()!).Value);
        Assert.Equal("organization", identity.GetProperty("identity_class").GetString());
        Assert.Equal(LiaisonExtensions.DefinitionsTimestamp, identity.GetProperty("created").GetString());
    }

    [Fact]
    public void Extensions_are_found_by_id_and_new_types_by_name()
    {
        foreach (var extension in Catalog.All)
        {
            Assert.True(Catalog.TryGet(extension.Id, out var known));
            Assert.Same(extension, known);
            Assert.Equal(extension.DefinesType, known.DefinesType);
            if (extension.DefinesType is { } type)
            {
                Assert.True(Catalog.TryGetByType(type, out var definer));
                Assert.Same(extension, definer);
            }
        }

        Assert.False(Catalog.TryGet("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d", out _));
        Assert.False(Catalog.TryGetByType("incident", out _));
    }

    [Fact]
    public void Each_schema_is_a_valid_draft_2020_12_schema_published_at_its_definitions_url()
    {
        foreach (var extension in Catalog.All)
        {
            var schema = extension.Schema;
            var result = MetaSchemas.Draft202012.Evaluate(schema, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{extension.SchemaFileName} is not a valid 2020-12 schema");
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
            Assert.Equal(extension.SchemaUrl, schema.GetProperty("$id").GetString());
        }
    }

    [Fact]
    public void Every_pattern_in_the_schemas_says_in_words_what_it_expects()
    {
        foreach (var extension in Catalog.All)
        {
            Walk(extension.Schema, extension.SchemaFileName);
        }

        static void Walk(JsonElement node, string where)
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                if (node.TryGetProperty("pattern", out _))
                {
                    Assert.True(node.TryGetProperty("description", out _), $"a pattern in {where} has no description");
                }

                foreach (var property in node.EnumerateObject())
                {
                    Walk(property.Value, $"{where}/{property.Name}");
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, where);
                }
            }
        }
    }

    public static TheoryData<string> ExampleNames => ["StrikeAssessment", "Incident", "PersonOfInterest", "ActivityNotice", "ProtectedSite",
        "RequestForInformation", "LedgerCheckpoint", "Receipt", "SourceReliability"];

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Each_example_is_valid_for_the_nodes_stix_validator(string name)
    {
        var example = (JsonObject)typeof(Examples).GetMethod(name)!.Invoke(null, null)!;
        using var document = JsonDocument.Parse(example.ToJsonString());
        var result = new Liaison.Core.Validation.StixValidator(Catalog).Validate(document.RootElement, 0);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void The_nodes_stix_validator_reports_liaison_extension_errors()
    {
        var incident = Examples.Incident().Set($"extensions/{LiaisonExtensions.CasualtyClaimsId}/claims/0/killed", "-1");
        using var document = JsonDocument.Parse(incident.ToJsonString());
        var result = new Liaison.Core.Validation.StixValidator(Catalog).Validate(document.RootElement, 0);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith(".claims[0].killed", error.Path, StringComparison.Ordinal);
        Assert.Contains("must be at least 0, not -1", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_it_does_not_know_are_left_alone()
    {
        var incident = JsonNode.Parse("""
            { "type": "incident", "spec_version": "2.1", "id": "incident--59cca4e5-35a3-4e23-97e7-207ac665969b",
              "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z", "name": "x",
              "extensions": { "extension-definition--66f7b67d-a7fb-4d58-806d-dbabaea1c064": { "extension_type": "property-extension", "anything": [1] } } }
            """)!;
        Assert.Empty(Examples.Check(incident));
    }

    [Fact]
    public void Validation_is_safe_from_many_threads()
    {
        var valid = Parse(Examples.Incident());
        var invalid = Parse(Examples.Incident().Set($"extensions/{LiaisonExtensions.CasualtyClaimsId}/claims/0/killed", "-1"));
        var counts = new int[400];
        Parallel.For(0, counts.Length, i =>
        {
            counts[i] = Catalog.ValidateExtensions(i % 2 == 0 ? valid : invalid).Count;
        });
        for (var i = 0; i < counts.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? 0 : 1, counts[i]);
        }

        static JsonElement Parse(JsonNode node)
        {
            using var document = JsonDocument.Parse(node.ToJsonString());
            return document.RootElement.Clone();
        }
    }

    [Fact]
    public void A_bare_validate_call_appends_errors_with_the_given_index_and_id()
    {
        var incident = Examples.Incident().Set($"extensions/{LiaisonExtensions.CasualtyClaimsId}/claims/0/killed", "-1");
        using var document = JsonDocument.Parse(incident.ToJsonString());
        var root = document.RootElement;
        var body = root.GetProperty("extensions").GetProperty(LiaisonExtensions.CasualtyClaimsId);
        var errors = new List<StixError>();
        Assert.True(Catalog.TryGet(LiaisonExtensions.CasualtyClaimsId, out var extension));
        extension.Validate(root, body, "$.extensions['x']", 7, "incident--given", errors);
        var error = Assert.Single(errors);
        Assert.Equal(new StixError(7, "incident--given", "$.extensions['x'].claims[0].killed", error.Reason), error);
    }
}
