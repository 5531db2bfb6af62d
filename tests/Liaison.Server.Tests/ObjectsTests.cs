using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Liaison.Server.Tests.Stix;

namespace Liaison.Server.Tests;

public sealed class ObjectsTests
{
    private static async Task<JsonElement> Post(HttpClient client, string collectionUrl, params JsonNode[] objects)
    {
        var response = await client.PostAsync(collectionUrl + "objects/", TaxiiTestServer.Envelope(objects));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await TaxiiTestServer.Json(response);
    }

    [Fact]
    public async Task Post_stores_the_valid_objects_lists_the_invalid_with_reasons_and_the_counts_add_up()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();

        var status = await Post(client, server.CollectionUrl("shared"),
            ThreatActor(1, "Jaysh al-Islam"),
            Note(1, "bad").With("modified", "2015-01-01T00:00:00.000Z"),
            Note(2, "fine"));

        Assert.Equal("complete", status.GetProperty("status").GetString());
        Assert.Equal(3, status.GetProperty("total_count").GetInt32());
        Assert.Equal(2, status.GetProperty("success_count").GetInt32());
        Assert.Equal(1, status.GetProperty("failure_count").GetInt32());
        Assert.Equal(0, status.GetProperty("pending_count").GetInt32());
        Assert.Equal(2, status.GetProperty("successes").GetArrayLength());
        Assert.False(status.TryGetProperty("pendings", out _));
        var failure = Assert.Single(status.GetProperty("failures").EnumerateArray());
        Assert.Equal(Id("note", 1), failure.GetProperty("id").GetString());
        Assert.Contains("$.modified", failure.GetProperty("message").GetString(), StringComparison.Ordinal);

        var fetched = await client.GetAsync(server.CollectionUrl("shared") + $"objects/{Id("note", 1)}/");
        Assert.Equal(HttpStatusCode.NotFound, fetched.StatusCode);

        var again = await TaxiiTestServer.Json(await client.GetAsync($"/api/status/{status.GetProperty("id").GetString()}/"));
        Assert.Equal(2, again.GetProperty("success_count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client("rus").GetAsync($"/api/status/{status.GetProperty("id").GetString()}/")).StatusCode);
    }

    [Fact]
    public async Task Post_accepts_a_bundle_leniently()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", ["objects"] = new JsonArray(ThreatActor(1, "x")) };
        var content = new StringContent(bundle.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiTestServer.Taxii);

        var response = await server.Client().PostAsync(server.CollectionUrl("shared") + "objects/", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Post_with_another_media_type_is_415_and_above_the_limit_is_413()
    {
        await using var server = await TaxiiTestServer.StartAsync(maxContentLength: 2048);
        var client = server.Client();
        var json = new StringContent("{\"objects\":[]}", Encoding.UTF8, "application/json");

        var wrongType = await client.PostAsync(server.CollectionUrl("shared") + "objects/", json);
        var tooLarge = await client.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(Note(1, new string('x', 5000))));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("415", (await TaxiiTestServer.Json(wrongType)).GetProperty("http_status").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("413", (await TaxiiTestServer.Json(tooLarge)).GetProperty("http_status").GetString());
    }

    [Fact]
    public async Task Writing_needs_write_access_and_reading_needs_read_access()
    {
        await using var server = await TaxiiTestServer.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client("fra").PostAsync(server.CollectionUrl("feed") + "objects/", TaxiiTestServer.Envelope(Note(1, "x")))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await server.Client("rus").PostAsync(server.CollectionUrl("inbound") + "objects/", TaxiiTestServer.Envelope(Note(1, "x")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client("rus").GetAsync(server.CollectionUrl("inbound") + "objects/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client("rus").PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(Note(1, "x")))).StatusCode);
    }

    [Fact]
    public async Task Objects_come_in_date_added_order_with_paging_headers_and_an_opaque_next()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        var url = server.CollectionUrl("shared");
        for (var i = 0; i < 5; i++)
        {
            await Post(client, url, Note(i, $"note {i}"));
        }

        var first = await client.GetAsync(url + "objects/?limit=2");
        var page1 = await TaxiiTestServer.Json(first);
        Assert.True(page1.GetProperty("more").GetBoolean());
        Assert.Equal([Id("note", 0), Id("note", 1)], page1.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        var firstAdded = first.Headers.GetValues("X-TAXII-Date-Added-First").Single();
        var lastAdded = first.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", lastAdded);
        Assert.True(string.CompareOrdinal(firstAdded, lastAdded) < 0);

        var next = page1.GetProperty("next").GetString();
        var page2 = await TaxiiTestServer.Json(await client.GetAsync(url + $"objects/?limit=2&next={Uri.EscapeDataString(next!)}"));
        Assert.Equal([Id("note", 2), Id("note", 3)], page2.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        // added_after is exclusive and on date added: resuming from the last header gives the rest.
        var rest = await TaxiiTestServer.Json(await client.GetAsync(url + $"objects/?added_after={lastAdded}"));
        Assert.Equal([Id("note", 2), Id("note", 3), Id("note", 4)], rest.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.False(rest.GetProperty("more").GetBoolean());
        Assert.False(rest.TryGetProperty("next", out _));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("limit=ten")]
    [InlineData("added_after=2015-13-01T00:00:00Z")]
    [InlineData("added_after=yesterday")]
    [InlineData("match[version]=newest")]
    [InlineData("match[id]=not-an-id")]
    [InlineData("next=garbage")]
    public async Task Bad_filter_values_are_400_taxii_errors(string query)
    {
        await using var server = await TaxiiTestServer.StartAsync();

        var response = await server.Client().GetAsync(server.CollectionUrl("shared") + "objects/?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("400", (await TaxiiTestServer.Json(response)).GetProperty("http_status").GetString());
    }

    [Fact]
    public async Task A_next_token_is_refused_with_other_filters()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        var url = server.CollectionUrl("shared");
        await Post(client, url, Note(1, "a"), Note(2, "b"), ThreatActor(1, "c"));

        var page = await TaxiiTestServer.Json(await client.GetAsync(url + "objects/?limit=1&match[type]=note"));
        var next = Uri.EscapeDataString(page.GetProperty("next").GetString()!);

        var other = await client.GetAsync(url + $"objects/?limit=1&match[type]=threat-actor&next={next}");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Match_filters_or_within_and_across()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        var url = server.CollectionUrl("shared");
        await Post(client, url, Note(1, "a"), Note(2, "b"), ThreatActor(1, "c"), ThreatActor(2, "d"));

        async Task<string[]> Ids(string query) =>
            (await TaxiiTestServer.Json(await client.GetAsync(url + "objects/?" + query))).TryGetProperty("objects", out var objects)
                ? objects.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray()
                : [];

        Assert.Equal([Id("note", 1), Id("note", 2)], await Ids("match[type]=note"));
        Assert.Equal(4, (await Ids("match[type]=note,threat-actor")).Length);
        Assert.Equal([Id("note", 2)], await Ids($"match[type]=note&match[id]={Id("note", 2)},{Id("threat-actor", 1)}"));
        Assert.Equal(4, (await Ids("match[spec_version]=2.1")).Length);
        Assert.Empty(await Ids("match[spec_version]=2.0"));
    }

    [Fact]
    public async Task Versions_first_last_all_and_exact_and_the_versions_endpoint()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        var url = server.CollectionUrl("shared");
        await Post(client, url, Note(1, "v1", modified: "2015-12-15T00:00:00.000Z"));
        await Post(client, url, Note(1, "v2", modified: "2015-12-16T00:00:00.000Z"));
        await Post(client, url, Note(1, "v3", modified: "2015-12-17T00:00:00.000Z"));
        var objectUrl = url + $"objects/{Id("note", 1)}/";

        async Task<string[]> Contents(string query) =>
            (await TaxiiTestServer.Json(await client.GetAsync(objectUrl + "?" + query))).GetProperty("objects").EnumerateArray()
                .Select(o => o.GetProperty("content").GetString()!).ToArray();

        Assert.Equal(["v3"], await Contents(string.Empty));
        Assert.Equal(["v1"], await Contents("match[version]=first"));
        Assert.Equal(["v1", "v2", "v3"], await Contents("match[version]=all"));
        Assert.Equal(["v2"], await Contents("match[version]=2015-12-16T00:00:00.000Z"));
        Assert.Equal(["v1", "v3"], await Contents("match[version]=first,last"));

        var versions = await TaxiiTestServer.Json(await client.GetAsync(objectUrl + "versions/"));
        Assert.Equal(3, versions.GetProperty("versions").GetArrayLength());
        Assert.StartsWith("2015-12-15T00:00:00", versions.GetProperty("versions")[0].GetString(), StringComparison.Ordinal);

        var manifest = await TaxiiTestServer.Json(await client.GetAsync(url + "manifest/"));
        var record = Assert.Single(manifest.GetProperty("objects").EnumerateArray());
        Assert.Equal(Id("note", 1), record.GetProperty("id").GetString());
        Assert.Equal("application/stix+json;version=2.1", record.GetProperty("media_type").GetString());
        Assert.StartsWith("2015-12-17", record.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.True(record.TryGetProperty("date_added", out _));
    }

    [Fact]
    public async Task Delete_removes_the_object_from_the_collection()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        var url = server.CollectionUrl("shared");
        await Post(client, url, Note(1, "to delete"), Note(2, "kept"));

        var deleted = await client.DeleteAsync(url + $"objects/{Id("note", 1)}/");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + $"objects/{Id("note", 1)}/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url + $"objects/{Id("note", 2)}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(url + $"objects/{Id("note", 1)}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + $"objects/{Id("note", 9)}/")).StatusCode);
    }

    [Fact]
    public async Task Delete_without_a_version_filter_removes_every_version_and_with_one_only_those()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        var url = server.CollectionUrl("shared");
        await Post(client, url, Note(1, "v1", modified: "2015-12-15T00:00:00.000Z"));
        await Post(client, url, Note(1, "v2", modified: "2015-12-16T00:00:00.000Z"));
        await Post(client, url, Note(2, "a", modified: "2015-12-15T00:00:00.000Z"));
        await Post(client, url, Note(2, "b", modified: "2015-12-16T00:00:00.000Z"));

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(url + $"objects/{Id("note", 1)}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + $"objects/{Id("note", 1)}/?match[version]=all")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(url + $"objects/{Id("note", 2)}/?match[version]=last")).StatusCode);
        var left = await TaxiiTestServer.Json(await client.GetAsync(url + $"objects/{Id("note", 2)}/?match[version]=all"));
        Assert.Equal("a", Assert.Single(left.GetProperty("objects").EnumerateArray()).GetProperty("content").GetString());
    }

    [Fact]
    public async Task An_empty_collection_omits_the_objects_list()
    {
        await using var server = await TaxiiTestServer.StartAsync();

        var body = await TaxiiTestServer.Json(await server.Client().GetAsync(server.CollectionUrl("shared") + "objects/"));

        Assert.False(body.TryGetProperty("objects", out _));
        Assert.False(body.GetProperty("more").GetBoolean());
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject With(this JsonObject json, string property, JsonNode? value)
    {
        var copy = (JsonObject)json.DeepClone();
        copy[property] = value;
        return copy;
    }
}
