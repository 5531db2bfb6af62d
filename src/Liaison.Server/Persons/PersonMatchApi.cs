using System.Text.Json;
using Liaison.Core.Persons;
using Liaison.Server.Security;
using Liaison.Server.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Liaison.Server.Persons;

/// <summary>
/// <c>POST /api/liaison/person-match/</c>: a partner asks whether we hold a person matching its query — 64 keyed tags
/// (HMAC with the key agreed with that partner) of normalised name variants and birth year — and learns match or no
/// match, nothing else. Only a partner principal may ask, and only with a key agreed with it. Every question is
/// answered from the persons of interest held at that moment; nothing of them is returned.
/// </summary>
internal static class PersonMatchApi
{
    /// <summary>The largest query accepted: 64 tags and an id are far below it.</summary>
    private const int MaxBody = 16 * 1024;

    public static void Map(IEndpointRouteBuilder routes, TaxiiContext taxii)
    {
        // A route handler (cast to Delegate), so the IResult it returns is written to the response. Routing matches the
        // path with or without its trailing slash.
        routes.MapPost("/api/liaison/person-match/", (Delegate)((HttpContext context) => Ask(taxii, context)));
    }

    private static async Task<IResult> Ask(TaxiiContext taxii, HttpContext context)
    {
        if (!TaxiiMediaType.IsTaxiiContent(context.Request.ContentType))
        {
            return TaxiiError.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send the query as {TaxiiMediaType.Taxii}");
        }

        using var lease = taxii.Stores.Rent();
        if (lease.Store.PartnerOfPrincipal(TaxiiAuthentication.PrincipalOf(context)) is not { } partner)
        {
            return TaxiiError.Forbidden("only a partner may ask whether a person is known here");
        }

        if (taxii.Options.PersonMatchKeys(partner.Code) is not { } key)
        {
            return TaxiiError.Result(StatusCodes.Status409Conflict, "No match key", $"no person-match key is agreed with {partner.Code}: both sides set it with 'liaison partner match-key'");
        }

        var body = await PostObjectsApi.ReadBounded(context, MaxBody).ConfigureAwait(false);
        if (body is null)
        {
            return TaxiiError.Result(StatusCodes.Status413PayloadTooLarge, "Content too large", $"a match query is at most {MaxBody} bytes");
        }

        PersonMatchQuery? query;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var id = root.TryGetProperty("query_id", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
            var tags = root.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "").ToList()
                : null;
            if (!PersonMatchQuery.TryCreate(id, tags, out query, out var problem))
            {
                return TaxiiError.BadRequest($"not a match query: {problem}");
            }
        }
        catch (JsonException ex)
        {
            return TaxiiError.BadRequest($"the body is not valid JSON: {ex.Message}");
        }

        // The persons read to answer are logged as read by this partner's question.
        lease.Store.Reader = "match:" + partner.Code;
        // A record past its review-by date is no longer held for any purpose: it never matches.
        var now = Core.Stix.StixTimestamp.UnixMicrosecondsOf(taxii.Clock.UtcNow);
        var records = lease.Store.PersonsOfInterest("person-match").Where(r => r.ReviewBy.UnixMicroseconds > now);
        var answer = new PersonMatchIndex(key, records).Answer(query);
        return TaxiiJson.Response(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("query_id", answer.QueryId);
            writer.WriteBoolean("match", answer.Match);
            writer.WriteEndObject();
        });
    }
}
