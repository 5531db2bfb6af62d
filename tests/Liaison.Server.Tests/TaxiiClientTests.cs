using System.Net;
using System.Text;
using Liaison.Server.Client;

namespace Liaison.Server.Tests;

public sealed class TaxiiClientTests
{
    private static readonly Uri Root = new("https://remote.example/api/");

    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public List<long?> ContentLengths { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            ContentLengths.Add(request.Content?.Headers.ContentLength);
            return Task.FromResult(answers[Math.Min(Requests.Count - 1, answers.Length - 1)](request));
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/taxii+json") };

    private static (TaxiiClient Client, List<TimeSpan> Waits) Client(ScriptedHandler handler)
    {
        var waits = new List<TimeSpan>();
        var retry = new RetryPolicy { Random = new Random(1), Wait = (delay, _) => { waits.Add(delay); return Task.CompletedTask; } };
        return (new TaxiiClient(new HttpClient(handler), TaxiiCredentials.Basic("fra", "secret"), retry), waits);
    }

    [Fact]
    public async Task Server_errors_and_429_are_retried_with_growing_jittered_waits_and_Retry_After_is_honoured()
    {
        var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        var handler = new ScriptedHandler(
            _ => Json(HttpStatusCode.ServiceUnavailable, "{}"),
            _ => Json(HttpStatusCode.BadGateway, "<html>proxy</html>"),
            _ => tooMany,
            _ => Json(HttpStatusCode.OK, "{\"more\":false,\"objects\":[{\"type\":\"note\"}]}"));
        var (client, waits) = Client(handler);

        var page = await client.ObjectsPageAsync(Root, "c1", addedAfter: null, next: null, limit: 10);

        Assert.Single(page.Objects);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(3, waits.Count);
        Assert.True(waits[0] <= TimeSpan.FromMilliseconds(250));
        Assert.True(waits[1] <= TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromSeconds(2), waits[2]);
    }

    [Fact]
    public async Task A_401_with_a_non_json_body_fails_at_once_with_a_clear_message()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("<html>login</html>", Encoding.UTF8, "text/html") });
        var (client, waits) = Client(handler);

        var error = await Assert.ThrowsAsync<TaxiiClientException>(() => client.ApiRootsAsync(new Uri("https://remote.example/taxii2/")));

        Assert.Equal(401, error.HttpStatus);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        Assert.Empty(waits);
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt_naming_the_failure()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("connection refused"));
        var (client, waits) = Client(handler);

        var error = await Assert.ThrowsAsync<TaxiiClientException>(() => client.CollectionsAsync(Root));

        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 6 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, waits.Count);
    }

    [Fact]
    public async Task Posts_always_send_Content_Length_and_the_taxii_media_type_and_credentials()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.Accepted, "{\"status\":\"complete\",\"success_count\":1}"));
        var (client, _) = Client(handler);

        await client.PostObjectsAsync(Root, "c1", Encoding.UTF8.GetBytes("{\"objects\":[]}"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(14, handler.ContentLengths[0]);
        Assert.Null(request.Headers.TransferEncodingChunked);
        Assert.True(request.Content!.Headers.NonValidated.TryGetValues("Content-Type", out var contentType));
        Assert.Equal("application/taxii+json;version=2.1", contentType.ToString());
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.True(request.Headers.NonValidated.TryGetValues("Accept", out var accept));
        Assert.Equal("application/taxii+json;version=2.1", accept.ToString());
    }

    [Fact]
    public void Credentials_never_show_their_secret()
    {
        Assert.DoesNotContain("secret", TaxiiCredentials.Basic("fra", "secret").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("lsn_XYZ", TaxiiCredentials.Bearer("lsn_XYZ").ToString(), StringComparison.Ordinal);
    }
}
