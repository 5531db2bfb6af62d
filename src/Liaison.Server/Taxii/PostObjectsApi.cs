using System.Text.Json;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Server.Security;
using Liaison.Server.Sync;
using Liaison.Storage.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Liaison.Server.Taxii;

/// <summary>
/// Adding objects (TAXII 2.1 §5.5): an envelope (or, leniently, a bundle) whose objects are validated one by one;
/// valid ones are stored (by the node's <see cref="EnvelopeWriter"/>, in one transaction), invalid ones are listed in
/// the status's failures with the reason and never stored. The request is processed before answering, so the status
/// is already complete.
/// </summary>
internal static class PostObjectsApi
{
    public static void Map(IEndpointRouteBuilder routes, TaxiiContext taxii, StixValidator validator)
    {
        routes.MapPost("/api/collections/{id}/objects/", (HttpContext context, string id) => Post(taxii, validator, context, id));

        routes.MapGet("/api/status/{statusId}/", (HttpContext context, string statusId) =>
        {
            using var lease = taxii.Stores.Rent();
            return Guid.TryParse(statusId, out var guid) && lease.Store.FindStatus(guid) is { } status
                && status.Principal == TaxiiAuthentication.PrincipalOf(context)
                ? TaxiiJson.Response(StatusCodes.Status200OK, writer => WriteStatus(writer, status))
                : TaxiiError.NotFound($"no status '{statusId}'");
        });
    }

    private static async Task<IResult> Post(TaxiiContext taxii, StixValidator validator, HttpContext context, string id)
    {
        if (!TaxiiMediaType.IsTaxiiContent(context.Request.ContentType))
        {
            return TaxiiError.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"send objects as {TaxiiMediaType.Taxii}, not '{context.Request.ContentType}'");
        }

        if (context.Request.ContentLength > taxii.Options.MaxContentLength)
        {
            return TooLarge(taxii);
        }

        using (var lease = taxii.Stores.Rent())
        {
            if (!TaxiiContext.TryCollection(lease, context, id, out _, out var grant))
            {
                return TaxiiContext.CollectionNotFound(id);
            }

            if (!grant.CanWrite)
            {
                return TaxiiError.Forbidden($"you may read collection {id} but not write to it");
            }
        }

        var body = await ReadBounded(context, taxii.Options.MaxContentLength).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge(taxii);
        }

        JsonElement envelope;
        try
        {
            envelope = JsonElement.Parse(body, new JsonDocumentOptions { MaxDepth = 66, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return TaxiiError.BadRequest($"the body is not valid JSON: {ex.Message}");
        }

        if (envelope.ValueKind != JsonValueKind.Object || !envelope.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
        {
            return TaxiiError.BadRequest("expected an envelope: a JSON object with an \"objects\" array");
        }

        var status = await Store(taxii, validator, context, Guid.Parse(id), objects).ConfigureAwait(false);
        return TaxiiJson.Response(StatusCodes.Status202Accepted, writer => WriteStatus(writer, status));
    }

    /// <summary>Validates and prepares the objects here, in the request, and leaves the writing to the node's one writer.</summary>
    private static Task<TaxiiStatus> Store(TaxiiContext taxii, StixValidator validator, HttpContext context, Guid collectionId, JsonElement objects)
    {
        var requested = StixTimestamp.UnixMicrosecondsOf(taxii.Clock.UtcNow);
        var valid = new List<PreparedObject>();
        var invalid = new List<TaxiiStatusDetail>();
        var index = 0;
        foreach (var element in objects.EnumerateArray())
        {
            var result = validator.Validate(element, index++);
            if (result.Object is { } stixObject)
            {
                valid.Add(PreparedObject.Of(stixObject, result.MarkingRefs));
            }
            else
            {
                invalid.Add(new TaxiiStatusDetail(IdOf(element, index - 1), VersionOf(element), string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Reason}"))));
            }
        }

        var envelope = new PostedEnvelope(TaxiiAuthentication.PrincipalOf(context), collectionId, requested, valid, invalid);
        return taxii.Writer.WriteAsync(envelope, context.RequestAborted);
    }

    internal static async Task<byte[]?> ReadBounded(HttpContext context, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge(TaxiiContext taxii) =>
        TaxiiError.Result(StatusCodes.Status413PayloadTooLarge, "Content too large",
            $"this API root accepts at most {taxii.Options.MaxContentLength} bytes per request (max_content_length)");

    private static string IdOf(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : $"objects[{index}]";

    private static string? VersionOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("modified", out var modified) && modified.ValueKind == JsonValueKind.String
            ? modified.GetString()
            : null;

    private static void WriteStatus(Utf8JsonWriter writer, TaxiiStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("id", status.Id.ToString("D"));
        writer.WriteString("status", status.Complete ? "complete" : "pending");
        writer.WriteString("request_timestamp", TaxiiJson.Timestamp(status.RequestTimestampMicroseconds));
        writer.WriteNumber("total_count", status.TotalCount);
        writer.WriteNumber("success_count", status.Successes.Count);
        WriteDetails(writer, "successes", status.Successes);
        writer.WriteNumber("failure_count", status.Failures.Count);
        WriteDetails(writer, "failures", status.Failures);
        writer.WriteNumber("pending_count", status.Pendings.Count);
        WriteDetails(writer, "pendings", status.Pendings);
        writer.WriteEndObject();
    }

    private static void WriteDetails(Utf8JsonWriter writer, string name, IReadOnlyList<TaxiiStatusDetail> details)
    {
        // TAXII omits empty lists rather than writing [].
        if (details.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var detail in details)
        {
            detail.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}
