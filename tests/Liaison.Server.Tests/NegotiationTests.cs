using System.Net;

namespace Liaison.Server.Tests;

public sealed class NegotiationTests
{
    [Theory]
    [InlineData("application/taxii+json;version=2.1")]
    [InlineData("application/taxii+json; version=2.1")]
    [InlineData("application/taxii+json")]
    [InlineData("*/*")]
    public async Task Acceptable_accept_headers_get_the_exact_taxii_media_type(string accept)
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        var response = await client.GetAsync("/api/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await TaxiiTestServer.Json(response);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json")]
    [InlineData("application/taxii+json;version=2.0")]
    public async Task Unacceptable_accept_headers_get_406_as_a_taxii_error(string accept)
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        var response = await client.GetAsync("/api/");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("406", (await TaxiiTestServer.Json(response)).GetProperty("http_status").GetString());
    }

    [Fact]
    public async Task Discovery_and_api_root_describe_the_node()
    {
        await using var server = await TaxiiTestServer.StartAsync(maxContentLength: 123_456);
        var client = server.Client();

        var discovery = await TaxiiTestServer.Json(await client.GetAsync("/taxii2/"));
        var root = discovery.GetProperty("default").GetString()!;
        Assert.EndsWith("/api/", root, StringComparison.Ordinal);
        Assert.Equal(root, discovery.GetProperty("api_roots")[0].GetString());

        var apiRoot = await TaxiiTestServer.Json(await client.GetAsync("/api/"));
        Assert.Equal("application/taxii+json;version=2.1", apiRoot.GetProperty("versions")[0].GetString());
        Assert.Equal(123_456, apiRoot.GetProperty("max_content_length").GetInt32());
    }

    [Theory]
    [InlineData("/taxii2")]
    [InlineData("/api")]
    [InlineData("/api/collections")]
    public async Task Paths_without_the_trailing_slash_work_too(string path)
    {
        await using var server = await TaxiiTestServer.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await server.Client().GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/api/nothing/")]
    [InlineData("/other-root/")]
    [InlineData("/api/status/5d0092c5-5f74-4287-9642-33f4c354e56d/")]
    [InlineData("/api/status/not-a-uuid/")]
    public async Task Unknown_roots_paths_and_statuses_are_404_taxii_errors(string path)
    {
        await using var server = await TaxiiTestServer.StartAsync();

        var response = await server.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", (await TaxiiTestServer.Json(response)).GetProperty("http_status").GetString());
    }
}
