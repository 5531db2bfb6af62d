using System.Net;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;

namespace Liaison.Server.Tests;

/// <summary>Every read of a person of interest over TAXII is logged under the principal that made it.</summary>
public sealed class PersonReadLogTests
{
    private static JsonObject Person() => JsonNode.Parse($$"""
        {
          "type": "identity", "spec_version": "2.1", "id": "identity--4f74ae25-ed2e-4d67-b671-ea7e604279c4",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Person of interest 17", "identity_class": "individual",
          "extensions": {
            "{{LiaisonExtensions.PersonOfInterestId}}": {
              "extension_type": "property-extension",
              "names": [ { "value": "Abu Umar", "script": "Latn" } ],
              "nationalities": ["RU"], "birth_year": 1988, "review_by": "2016-06-15T00:00:00Z"
            }
          }
        }
        """)!.AsObject();

    [Fact]
    public async Task A_principal_reading_a_person_of_interest_is_named_in_the_read_log()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        using var fra = server.Client("fra");
        var posted = await fra.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(Person()));
        Assert.Equal(1, (await TaxiiTestServer.Json(posted)).GetProperty("success_count").GetInt32());

        var read = await fra.GetAsync(server.CollectionUrl("shared") + "objects/");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var store = server.OpenStore();
        var entry = Assert.Single(store.PersonReads("identity--4f74ae25-ed2e-4d67-b671-ea7e604279c4"));
        Assert.Equal("taxii:fra", entry.Reader);
    }
}
