using System.Net;
using System.Net.Http.Headers;
using Liaison.Server.Security;

namespace Liaison.Server.Tests;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData("/taxii2/")]
    [InlineData("/api/")]
    [InlineData("/api/collections/")]
    [InlineData("/api/status/5d0092c5-5f74-4287-9642-33f4c354e56d/")]
    public async Task Every_endpoint_discovery_included_needs_authentication(string path)
    {
        await using var server = await TaxiiTestServer.StartAsync();

        var response = await server.Client(principal: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await TaxiiTestServer.Json(response);
        Assert.Equal("401", error.GetProperty("http_status").GetString());
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_credentials_and_bearer_tokens_both_work()
    {
        await using var server = await TaxiiTestServer.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await server.Client("fra").GetAsync("/taxii2/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client("fra", bearer: true).GetAsync("/taxii2/")).StatusCode);
    }

    [Theory]
    [InlineData("Basic ZnJhOndyb25n")]           // fra:wrong
    [InlineData("Basic bm9ib2R5Om5vdGhpbmc=")]   // nobody:nothing
    [InlineData("Basic not-base64!")]
    [InlineData("Bearer lsn_not-a-real-token")]
    [InlineData("Digest username=\"fra\"")]
    public async Task Wrong_or_unknown_credentials_are_refused(string header)
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client(principal: null);
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(header);

        var response = await client.GetAsync("/taxii2/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Repeated_failures_from_one_address_are_slowed_down_and_a_success_clears_them()
    {
        var clock = new ManualClock();
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.DelayFor("10.0.0.1"));
            throttle.Failed("10.0.0.1");
        }

        var first = throttle.DelayFor("10.0.0.1");
        throttle.Failed("10.0.0.1");
        var second = throttle.DelayFor("10.0.0.1");

        Assert.True(first > TimeSpan.Zero);
        Assert.True(second > first);
        Assert.Equal(TimeSpan.Zero, throttle.DelayFor("10.0.0.2"));

        clock.UtcNow += TimeSpan.FromMinutes(11);
        Assert.Equal(TimeSpan.Zero, throttle.DelayFor("10.0.0.1"));

        throttle.Failed("10.0.0.3");
        throttle.Failed("10.0.0.3");
        throttle.Failed("10.0.0.3");
        throttle.Failed("10.0.0.3");
        throttle.Succeeded("10.0.0.3");
        Assert.Equal(TimeSpan.Zero, throttle.DelayFor("10.0.0.3"));
    }

    private sealed class ManualClock : Liaison.Core.IClock
    {
        public DateTimeOffset UtcNow { get; set; } = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    }
}
