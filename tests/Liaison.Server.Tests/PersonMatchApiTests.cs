using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Persons;

namespace Liaison.Server.Tests;

/// <summary>The person-match question over HTTP: only a partner, only with the agreed key, only one bit back.</summary>
public sealed class PersonMatchApiTests
{
    private static readonly PersonMatchKey Key = new(Enumerable.Range(3, 32).Select(i => (byte)i).ToArray());

    private static JsonObject Person(string name = "Abou Omar al-Faransi", string id = "identity--4f74ae25-ed2e-4d67-b671-ea7e604279c4", string reviewBy = "2999-06-15T00:00:00Z") => JsonNode.Parse($$"""
        {
          "type": "identity", "spec_version": "2.1", "id": "{{id}}",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Person of interest 17", "identity_class": "individual",
          "extensions": {
            "{{LiaisonExtensions.PersonOfInterestId}}": {
              "extension_type": "property-extension",
              "names": [ { "value": "{{name}}", "script": "Latn" } ],
              "nationalities": ["FR"], "birth_year": 1991, "review_by": "{{reviewBy}}"
            }
          }
        }
        """)!.AsObject();

    private static StringContent Query(string name, int year, PersonMatchKey key, int dropTags = 0)
    {
        var query = PersonMatchQuery.Create("q-1", [name], year, key);
        var body = new JsonObject { ["query_id"] = query.QueryId, ["tags"] = new JsonArray(query.Tags.Skip(dropTags).Select(t => (JsonNode)t).ToArray()) };
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(TaxiiTestServer.Taxii);
        return content;
    }

    [Fact]
    public async Task A_partner_learns_match_or_no_match_and_nothing_else()
    {
        await using var server = await TaxiiTestServer.StartAsync(personMatchKeys: code => code == "RUS" ? Key : null);
        using (var fra = server.Client("fra"))
        {
            await fra.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(
                Person(), Person("Shamil Basayev", "identity--9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", reviewBy: "2016-06-15T00:00:00Z")));
        }

        using var rus = server.Client("partner-rus");
        var match = await TaxiiTestServer.Json(await rus.PostAsync("/api/liaison/person-match/", Query("Abu Omar al-Faransi", 1991, Key)));
        var other = await TaxiiTestServer.Json(await rus.PostAsync("/api/liaison/person-match/", Query("Abu Omar al-Faransi", 1990, Key)));
        var expired = await TaxiiTestServer.Json(await rus.PostAsync("/api/liaison/person-match/", Query("Shamil Basayev", 1991, Key)));
        var wrongKey = await TaxiiTestServer.Json(await rus.PostAsync("/api/liaison/person-match/", Query("Abu Omar al-Faransi", 1991, new PersonMatchKey(new byte[32]))));

        Assert.True(match.GetProperty("match").GetBoolean());
        Assert.False(other.GetProperty("match").GetBoolean());
        Assert.False(wrongKey.GetProperty("match").GetBoolean());
        Assert.False(expired.GetProperty("match").GetBoolean()); // past its review-by date: no longer held for any purpose
        Assert.Equal(["query_id", "match"], match.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["query_id", "match"], other.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_person_is_found_however_many_more_recent_groups_the_node_holds()
    {
        await using var server = await TaxiiTestServer.StartAsync(maxContentLength: 8 << 20, personMatchKeys: code => code == "RUS" ? Key : null);
        using (var fra = server.Client("fra"))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await fra.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(Person()))).StatusCode);
            // More groups, all more recent than the person, than the 10,000 most recent objects the question once
            // read: the person was never reached.
            for (var envelope = 0; envelope < 11; envelope++)
            {
                var groups = Enumerable.Range((envelope * 1000) + 1, 1000)
                    .Select(n => (JsonNode)Stix.ThreatActor(n, $"group {n}").With("modified", "2016-06-01T00:00:00.000Z")).ToArray();
                Assert.Equal(HttpStatusCode.Accepted, (await fra.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(groups))).StatusCode);
            }
        }

        using var rus = server.Client("partner-rus");
        var match = await TaxiiTestServer.Json(await rus.PostAsync("/api/liaison/person-match/", Query("Abu Omar al-Faransi", 1991, Key)));

        Assert.True(match.GetProperty("match").GetBoolean());
        using var store = server.OpenStore();
        // The question read the one person of interest held, and only that is logged.
        var read = Assert.Single(store.PersonReads());
        Assert.Equal(("match:RUS", "person-match"), (read.Reader, read.Via));
    }

    [Fact]
    public async Task Non_partners_partners_without_a_key_and_malformed_queries_are_refused()
    {
        await using var server = await TaxiiTestServer.StartAsync(personMatchKeys: code => code == "RUS" ? Key : null);
        using var fra = server.Client("fra");
        using var usa = server.Client("partner-usa");
        using var rus = server.Client("partner-rus");

        Assert.Equal(HttpStatusCode.Forbidden, (await fra.PostAsync("/api/liaison/person-match/", Query("X", 1990, Key))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await usa.PostAsync("/api/liaison/person-match/", Query("X", 1990, Key))).StatusCode);
        var truncated = await rus.PostAsync("/api/liaison/person-match/", Query("X", 1990, Key, dropTags: 1));
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("not a match query", (await TaxiiTestServer.Json(truncated)).GetProperty("description").GetString(), StringComparison.Ordinal);
        using var anonymous = server.Client(principal: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/liaison/person-match/", Query("X", 1990, Key))).StatusCode);
    }
}
