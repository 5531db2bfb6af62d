using System.Runtime.CompilerServices;
using System.Text.Json;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Extensions;

/// <summary>The demo seed bundle (src/Liaison.Cli/Demo/seed.json) renders the founding article as valid STIX 2.1.</summary>
public sealed class SeedBundleTests
{
    private const string OasisIdentity = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01"; // creator of the TLP 2.0 extension

    private static readonly Lazy<JsonDocument> Seed = new(() => JsonDocument.Parse(File.ReadAllText(SeedPath())));

    private static IEnumerable<JsonElement> Objects => Seed.Value.RootElement.GetProperty("objects").EnumerateArray();

    [Fact]
    public void Every_object_is_valid_stix_with_its_liaison_extensions()
    {
        var validator = new StixValidator(LiaisonExtensions.Instance);
        var errors = Objects.SelectMany((o, i) => validator.Validate(o, i).Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_bundle_is_a_bundle_of_unique_objects()
    {
        var root = Seed.Value.RootElement;
        Assert.Equal("bundle", root.GetProperty("type").GetString());
        Assert.StartsWith("bundle--", root.GetProperty("id").GetString(), StringComparison.Ordinal);
        var ids = Objects.Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_reference_resolves_inside_the_bundle()
    {
        var ids = Objects.Select(o => o.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        ids.Add(OasisIdentity);
        var dangling = Objects.SelectMany(o => References(o).Select(r => $"{o.GetProperty("id").GetString()} -> {r}")
            .Where(r => !ids.Contains(r[(r.IndexOf(" -> ", StringComparison.Ordinal) + 4)..]))).ToList();
        Assert.True(dangling.Count == 0, string.Join("\n", dangling));
    }

    [Fact]
    public void The_liaison_definitions_in_the_bundle_are_the_published_ones()
    {
        var byId = Objects.ToDictionary(o => o.GetProperty("id").GetString()!, StringComparer.Ordinal);
        Assert.True(JsonElement.DeepEquals(LiaisonExtensions.Instance.ProjectIdentity, byId[LiaisonExtensions.ProjectIdentityId]));
        var used = Objects.Where(o => o.TryGetProperty("extensions", out _))
            .SelectMany(o => o.GetProperty("extensions").EnumerateObject().Select(p => p.Name))
            .Where(id => LiaisonExtensions.Instance.TryGet(id, out _)).Distinct().ToList();
        Assert.Equal([LiaisonExtensions.SourceReliabilityId, LiaisonExtensions.CasualtyClaimsId], used.Order(StringComparer.Ordinal).Reverse());
        foreach (var id in used)
        {
            Assert.True(LiaisonExtensions.Instance.TryGetExtension(id, out var extension));
            Assert.True(JsonElement.DeepEquals(extension.Definition, byId[id]), $"{id} differs from the published definition");
        }
    }

    [Fact]
    public void The_tlp_markings_are_the_official_tlp_2_0_ones()
    {
        var markings = Objects.Where(o => o.GetProperty("type").GetString() == "marking-definition")
            .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("id").GetString()!);
        Assert.Equal("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", markings["TLP:CLEAR"]);
        Assert.Equal("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", markings["TLP:GREEN"]);
        Assert.Equal("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", markings["TLP:AMBER"]);
        Assert.Equal("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", markings["TLP:AMBER+STRICT"]);
        Assert.Equal("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", markings["TLP:RED"]);
        Assert.All(Objects.Where(o => o.GetProperty("type").GetString() is not ("marking-definition" or "extension-definition")
                && o.GetProperty("id").GetString() != LiaisonExtensions.ProjectIdentityId),
            o => Assert.True(o.TryGetProperty("object_marking_refs", out _), $"{o.GetProperty("id")} is not marked"));
    }

    [Theory]
    [InlineData("Barza", "SANA", 1, 9, null)]
    [InlineData("Aleppo (unnamed)", "SANA", 3, 2, null)]
    [InlineData("Aleppo (unnamed)", "OSDH", 3, null, null)]
    [InlineData("Hamadaniyah", "OSDH", null, null, "plusieurs")]
    [InlineData("Suqaylabiyah", "SANA", 2, 8, null)]
    [InlineData("Suqaylabiyah", "OSDH", null, 25, null)]
    public void Each_source_keeps_the_figures_the_article_gives(string place, string source, int? killed, int? injured, string? injuredText)
    {
        var claim = Claims().Single(c => c.Place.StartsWith(place, StringComparison.Ordinal) && c.Source.StartsWith(source, StringComparison.Ordinal)).Claim;
        // A figure the source did not give is absent, never null or zero.
        Assert.Equal(killed, claim.TryGetProperty("killed", out var k) ? k.GetInt32() : null);
        Assert.Equal(injured, claim.TryGetProperty("injured", out var i) ? i.GetInt32() : null);
        Assert.Equal(injuredText, claim.TryGetProperty("injured_text", out var t) ? t.GetString() : null);
        Assert.False(claim.TryGetProperty("killed_text", out _));
    }

    [Fact]
    public void There_are_four_incidents_with_six_claims()
    {
        Assert.Equal(4, Objects.Count(o => o.GetProperty("type").GetString() == "incident"));
        Assert.Equal(6, Claims().Count);
    }

    [Fact]
    public void Barza_is_attributed_to_jaysh_al_islam()
    {
        var byId = Objects.ToDictionary(o => o.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var attribution = Assert.Single(Objects, o => o.GetProperty("type").GetString() == "relationship"
            && o.GetProperty("relationship_type").GetString() == "attributed-to");
        Assert.StartsWith("Mortar shell on Barza", byId[attribution.GetProperty("source_ref").GetString()!].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("Jaysh al-Islam", byId[attribution.GetProperty("target_ref").GetString()!].GetProperty("name").GetString());
    }

    private static List<(string Place, string Source, JsonElement Claim)> Claims()
    {
        var byId = Objects.ToDictionary(o => o.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var claims = new List<(string, string, JsonElement)>();
        foreach (var incident in Objects.Where(o => o.GetProperty("type").GetString() == "incident"))
        {
            var body = incident.GetProperty("extensions").GetProperty(LiaisonExtensions.CasualtyClaimsId);
            var place = byId[body.GetProperty("location_ref").GetString()!].GetProperty("name").GetString()!;
            foreach (var claim in body.GetProperty("claims").EnumerateArray())
            {
                claims.Add((place.Replace("Residential quarter of ", string.Empty, StringComparison.Ordinal), byId[claim.GetProperty("source_ref").GetString()!].GetProperty("name").GetString()!, claim));
            }
        }

        return claims;
    }

    private static IEnumerable<string> References(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.EndsWith("_ref", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }
                else if (property.Name.EndsWith("_refs", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        yield return item.GetString()!;
                    }
                }
                else
                {
                    foreach (var nested in References(property.Value))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in References(item))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string SeedPath([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(source)!, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Liaison.Cli", "Demo", "seed.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("src/Liaison.Cli/Demo/seed.json not found above the test source or binaries");
    }
}
