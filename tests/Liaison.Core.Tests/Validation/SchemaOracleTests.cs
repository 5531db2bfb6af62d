using System.Text.Json;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Validation;

/// <summary>
/// The official OASIS JSON schemas as an oracle: for every object of every example bundle and every fixture, our
/// verdict must equal the schema's (each object judged by its own type's schema), except for the documented cases
/// below where the schema is known to differ from the specification's MUST rules.
/// </summary>
public sealed class SchemaOracleTests(ITestOutputHelper output)
{
    /// <summary>Objects the schema accepts although they break a MUST of the spec, which we enforce.</summary>
    private static readonly Dictionary<string, string> SchemaWeakerThanSpec = new(StringComparer.Ordinal)
    {
        ["fixtures/invalid/bundle-inside-objects.json#0"] = "a bundle is not an object (spec §8); with no schema of its own it is judged as a generic observable",
        ["fixtures/invalid/created-by-ref-to-indicator.json"] = "created_by_ref must reference an identity (§3.2); the schema only checks identifier syntax",
        ["fixtures/invalid/custom-ref-not-an-identifier.json"] = "a property ending in _ref holds an identifier (§3.1); properties.json allows any string",
        ["fixtures/invalid/custom-type-without-extension.json"] = "a non-spec type needs a new-sdo/sro/sco extension definition (§7.3) or the legacy 'x-' prefix; core.json allows any type name",
        ["fixtures/invalid/extension-definition-without-created-by-ref.json"] = "created_by_ref is required on extension-definition (§7.3); the schema does not require it",
        ["fixtures/invalid/extension-new-sdo-on-spec-type.json"] = "extensions must not redefine a spec object type (§7.3); the schema does not relate extension_type to type",
        ["fixtures/invalid/granular-selector-does-not-resolve.json"] = "selectors must refer to content present in the object (§7.2.3.1); the schema checks selector syntax only",
        ["fixtures/invalid/indicator-valid-until-not-after-valid-from.json"] = "valid_until must be later than valid_from (§4.7); schemas cannot compare timestamps",
        ["fixtures/invalid/location-negative-precision.json"] = "precision is a distance in meters, never negative; the schema has no minimum",
        ["fixtures/invalid/marking-tlp2-green-id-claiming-red.json"] = "the TLP 2.0 extension's schema fixes id, name and tlp_2_0 together; the core schema does not know the extension",
        ["fixtures/invalid/marking-tlp2-unknown-colour.json"] = "tlp_2_0 must be one of the five TLP 2.0 colours (the TLP 2.0 extension's schema); the core schema does not know the extension",
        ["fixtures/invalid/modified-before-created.json"] = "modified must be later than or equal to created (§3.2); schemas cannot compare timestamps",
        ["fixtures/invalid/relationship-stop-before-start.json"] = "stop_time must be later than start_time (§5.1); schemas cannot compare timestamps",
        ["fixtures/invalid/sco-network-traffic-src-ref-not-an-identifier.json"] = "src_ref is an identifier (§6.12); the observable schemas type SCO refs as plain strings",
        ["fixtures/invalid/sco-network-traffic-src-ref-to-file.json"] = "src_ref must reference an ipv4-addr, ipv6-addr, mac-addr or domain-name (§6.12); the schema does not check ref targets",
        ["fixtures/invalid/sdo-spec-version-2.0.json"] = "a STIX 2.1 object has spec_version '2.1'; core.json also accepts '2.0'",
        ["fixtures/invalid/sighting-of-sco.json"] = "sighting_of_ref must reference an SDO (or custom object) (§5.2); the schema only excludes SROs and meta objects",
    };

    /// <summary>Objects the schema rejects although the spec allows them (defects in the schema).</summary>
    private static readonly Dictionary<string, string> SchemaStricterThanSpec = new(StringComparer.Ordinal)
    {
        ["fixtures/valid/granular-marking-by-language.json"] = "a granular marking has marking_ref or lang (§7.2.3); granular-marking.json requires marking_ref always",
    };

    [Fact]
    public void Validator_agrees_with_the_official_schemas_on_every_example_and_fixture()
    {
        var oracle = SchemaOracle.Instance;
        var validator = new StixValidator();
        var cases = OracleCases().ToList();
        var agreements = 0;
        var documented = 0;
        var problems = new List<string>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (key, element) in cases)
        {
            seenKeys.Add(key);
            var result = validator.Validate(element);
            var ours = result.IsValid;
            var schema = oracle.Accepts(element);
            var why = ours ? string.Empty : " — ours: " + string.Join(" | ", result.Errors.Select(e => $"{e.Path}: {e.Reason}"));

            if (key.StartsWith("fixtures/valid/", StringComparison.Ordinal) && !ours)
            {
                problems.Add($"{key}: a valid fixture was rejected{why}");
            }
            else if (key.StartsWith("fixtures/invalid/", StringComparison.Ordinal) && ours)
            {
                problems.Add($"{key}: an invalid fixture was accepted");
            }

            if (SchemaWeakerThanSpec.ContainsKey(key))
            {
                documented++;
                if (ours || !schema)
                {
                    problems.Add($"{key}: documented as 'we reject, schema accepts' but ours={ours}, schema={schema}{why}");
                }
            }
            else if (SchemaStricterThanSpec.ContainsKey(key))
            {
                documented++;
                if (!ours || schema)
                {
                    problems.Add($"{key}: documented as 'we accept, schema rejects' but ours={ours}, schema={schema}{why}");
                }
            }
            else if (ours == schema)
            {
                agreements++;
            }
            else
            {
                problems.Add($"{key}: ours={ours}, schema ({oracle.SchemaNameFor(element)})={schema}{why}");
            }
        }

        foreach (var stale in SchemaWeakerThanSpec.Keys.Concat(SchemaStricterThanSpec.Keys).Where(k => !seenKeys.Contains(k)))
        {
            problems.Add($"{stale}: documented disagreement that no longer exists in the inputs");
        }

        output.WriteLine($"schemas loaded: {oracle.SchemaCount}; objects checked: {cases.Count}; agreements: {agreements}; documented disagreements: {documented}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(cases.Count > 250, $"expected the examples and fixtures to yield many objects, got {cases.Count}");
    }

    /// <summary>Every object of every example (bundle or single object), then every fixture, each with a stable key.</summary>
    internal static IEnumerable<(string Key, JsonElement Element)> OracleCases()
    {
        foreach (var file in Directory.GetFiles(StixTestData.ExamplesDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = "examples/" + Path.GetRelativePath(StixTestData.ExamplesDirectory, file).Replace('\\', '/');
            foreach (var item in ObjectsOf(key, file))
            {
                yield return item;
            }
        }

        foreach (var file in Directory.GetFiles(StixTestData.FixturesDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = "fixtures/" + Path.GetRelativePath(StixTestData.FixturesDirectory, file).Replace('\\', '/');
            foreach (var item in ObjectsOf(key, file))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<(string Key, JsonElement Element)> ObjectsOf(string key, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var root = document.RootElement.Clone();
        if (root.TryGetProperty("type", out var type) && type.ValueEquals("bundle") && root.TryGetProperty("objects", out var objects))
        {
            var i = 0;
            foreach (var element in objects.EnumerateArray())
            {
                yield return ($"{key}#{i++}", element);
            }
        }
        else
        {
            yield return (key, root);
        }
    }
}
