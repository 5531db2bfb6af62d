using System.Net;

namespace Liaison.Server.Tests;

public sealed class CollectionsTests
{
    [Fact]
    public async Task A_principal_sees_only_its_collections_with_its_own_rights()
    {
        await using var server = await TaxiiTestServer.StartAsync();

        var fra = await TaxiiTestServer.Json(await server.Client("fra").GetAsync("/api/collections/"));
        var rus = await TaxiiTestServer.Json(await server.Client("rus").GetAsync("/api/collections/"));

        var fraCollections = fra.GetProperty("collections").EnumerateArray().ToDictionary(c => c.GetProperty("alias").GetString()!);
        Assert.Equal(["feed", "shared"], fraCollections.Keys.Order(StringComparer.Ordinal));
        Assert.True(fraCollections["shared"].GetProperty("can_write").GetBoolean());
        Assert.False(fraCollections["feed"].GetProperty("can_write").GetBoolean());
        Assert.Equal("application/stix+json;version=2.1", fraCollections["feed"].GetProperty("media_types")[0].GetString());

        var inbound = Assert.Single(rus.GetProperty("collections").EnumerateArray());
        Assert.False(inbound.GetProperty("can_read").GetBoolean());
        Assert.True(inbound.GetProperty("can_write").GetBoolean());
    }

    [Fact]
    public async Task A_collection_without_a_grant_is_indistinguishable_from_one_that_does_not_exist()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client("fra");

        var hidden = await client.GetAsync(server.CollectionUrl("hidden"));
        var missing = await client.GetAsync($"/api/collections/{Guid.NewGuid():D}/");
        var hiddenObjects = await client.GetAsync(server.CollectionUrl("hidden") + "objects/");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenObjects.StatusCode);
        var hiddenText = (await TaxiiTestServer.Json(hidden)).GetProperty("title").GetString();
        Assert.Equal(hiddenText, (await TaxiiTestServer.Json(missing)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_principal_without_any_collection_gets_an_empty_resource_not_an_empty_list()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        using (var store = server.OpenStore())
        {
            server.Credentials["nobody"] = store.CreatePrincipal("nobody");
        }

        var body = await TaxiiTestServer.Json(await server.Client("nobody").GetAsync("/api/collections/"));

        Assert.False(body.TryGetProperty("collections", out _));
    }
}
