using System.Globalization;
using System.Text.Json;

namespace Liaison.Server.Client;

/// <summary>
/// A TAXII 2.1 client: discovery, collections, pages of objects, posting envelopes. Every request carries the TAXII
/// media type and credentials; request bodies are buffered so <c>Content-Length</c> is always sent (some servers
/// refuse chunked uploads); transient failures are retried per <see cref="RetryPolicy"/>; error bodies that are
/// not JSON (a proxy's 401 page) are tolerated. Thread safe if the <see cref="HttpClient"/> is.
/// </summary>
public sealed class TaxiiClient(HttpClient http, TaxiiCredentials credentials, RetryPolicy? retry = null)
{
    private const string MediaType = "application/taxii+json;version=2.1";
    private readonly RetryPolicy _retry = retry ?? new RetryPolicy();

    /// <summary>The API roots a discovery URL advertises (absolute URLs, each ending with '/').</summary>
    public async Task<IReadOnlyList<Uri>> ApiRootsAsync(Uri discovery, CancellationToken cancel = default)
    {
        using var document = await GetJsonAsync(discovery, cancel).ConfigureAwait(false);
        var roots = new List<Uri>();
        if (document.RootElement.TryGetProperty("api_roots", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var root in list.EnumerateArray())
            {
                if (root.GetString() is { } text)
                {
                    roots.Add(WithSlash(new Uri(discovery, text)));
                }
            }
        }

        return roots;
    }

    /// <summary>The collections of an API root visible to us: (id, title, can_read, can_write).</summary>
    public async Task<IReadOnlyList<(string Id, string Title, bool CanRead, bool CanWrite)>> CollectionsAsync(Uri apiRoot, CancellationToken cancel = default)
    {
        using var document = await GetJsonAsync(new Uri(WithSlash(apiRoot), "collections/"), cancel).ConfigureAwait(false);
        var collections = new List<(string, string, bool, bool)>();
        if (document.RootElement.TryGetProperty("collections", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var collection in list.EnumerateArray())
            {
                collections.Add((
                    collection.GetProperty("id").GetString()!,
                    collection.TryGetProperty("title", out var title) ? title.GetString() ?? string.Empty : string.Empty,
                    collection.TryGetProperty("can_read", out var read) && read.ValueKind == JsonValueKind.True,
                    collection.TryGetProperty("can_write", out var write) && write.ValueKind == JsonValueKind.True));
            }
        }

        return collections;
    }

    /// <summary>One page of a collection's objects, strictly after <paramref name="addedAfter"/> or continuing <paramref name="next"/>.</summary>
    public async Task<TaxiiPage> ObjectsPageAsync(Uri apiRoot, string collectionId, string? addedAfter, string? next, int limit, CancellationToken cancel = default)
    {
        var query = new List<string> { $"limit={limit.ToString(CultureInfo.InvariantCulture)}" };
        if (addedAfter is not null)
        {
            query.Add($"added_after={Uri.EscapeDataString(addedAfter)}");
        }

        if (next is not null)
        {
            query.Add($"next={Uri.EscapeDataString(next)}");
        }

        var url = new Uri(WithSlash(apiRoot), $"collections/{Uri.EscapeDataString(collectionId)}/objects/?{string.Join('&', query)}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancel).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
        var root = JsonElement.Parse(body);
        var objects = new List<JsonElement>();
        if (root.TryGetProperty("objects", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                objects.Add(item);
            }
        }

        var more = root.TryGetProperty("more", out var moreValue) && moreValue.ValueKind == JsonValueKind.True;
        var nextToken = root.TryGetProperty("next", out var nextValue) ? nextValue.GetString() : null;
        var last = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.FirstOrDefault() : null;
        return new TaxiiPage(objects, more, nextToken, last);
    }

    /// <summary>Posts an envelope of objects; returns the status resource.</summary>
    public async Task<JsonElement> PostObjectsAsync(Uri apiRoot, string collectionId, ReadOnlyMemory<byte> envelope, CancellationToken cancel = default)
    {
        var url = new Uri(WithSlash(apiRoot), $"collections/{Uri.EscapeDataString(collectionId)}/objects/");
        using var response = await SendAsync(() =>
        {
            // A byte array content has a known length: Content-Length is sent, never chunked transfer.
            var content = new ReadOnlyMemoryContent(envelope);
            // Written exactly as TAXII spells it: a parsed header would be re-spaced ("; version=2.1").
            content.Headers.TryAddWithoutValidation("Content-Type", MediaType);
            content.Headers.ContentLength = envelope.Length;
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        }, cancel).ConfigureAwait(false);
        return JsonElement.Parse(await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false));
    }

    /// <summary>
    /// Posts a JSON request to one of Liaison's own endpoints under the API root (e.g. <c>liaison/person-match/</c>),
    /// with the same authentication, media type and retries as TAXII; returns the answer.
    /// </summary>
    public async Task<JsonElement> PostJsonAsync(Uri apiRoot, string relativePath, ReadOnlyMemory<byte> body, CancellationToken cancel = default)
    {
        var url = new Uri(WithSlash(apiRoot), relativePath);
        using var response = await SendAsync(() =>
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", MediaType);
            content.Headers.ContentLength = body.Length;
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        }, cancel).ConfigureAwait(false);
        return JsonElement.Parse(await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false));
    }

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancel)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancel).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new TaxiiClientException($"{url} did not answer with JSON: {ex.Message}", (int)response.StatusCode, ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            message.Headers.TryAddWithoutValidation("Accept", MediaType);
            message.Headers.Authorization = credentials.Header();
            HttpResponseMessage? response = null;
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancel).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                var status = (int)response.StatusCode;
                failure = $"{message.Method} {message.RequestUri} answered {status} {response.ReasonPhrase}{await ErrorDetail(response, cancel).ConfigureAwait(false)}";
                if (status != 429 && status < 500)
                {
                    response.Dispose();
                    throw new TaxiiClientException(failure, status);
                }

                retryAfter = RetryAfter(response);
                response.Dispose();
            }
            catch (HttpRequestException ex)
            {
                response?.Dispose();
                failure = $"{message.Method} {message.RequestUri} failed: {ex.Message}";
                if (attempt >= _retry.MaxAttempts)
                {
                    throw new TaxiiClientException($"{failure} (after {attempt} attempts)", null, ex);
                }

                await _retry.Wait(_retry.DelayFor(attempt, null), cancel).ConfigureAwait(false);
                continue;
            }

            if (attempt >= _retry.MaxAttempts)
            {
                throw new TaxiiClientException($"{failure} (after {attempt} attempts)");
            }

            await _retry.Wait(_retry.DelayFor(attempt, retryAfter), cancel).ConfigureAwait(false);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    // A TAXII error resource's description when the body is one; nothing when it is HTML or empty (some 401s).
    private static async Task<string> ErrorDetail(HttpResponseMessage response, CancellationToken cancel)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String
                ? $": {description.GetString()}"
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
