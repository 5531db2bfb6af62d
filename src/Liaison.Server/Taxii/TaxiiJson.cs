using System.Text.Encodings.Web;
using System.Text.Json;
using Liaison.Core.Stix;
using Microsoft.AspNetCore.Http;

namespace Liaison.Server.Taxii;

/// <summary>Builds TAXII JSON responses with <see cref="Utf8JsonWriter"/> (no reflection on the hot path).</summary>
internal static class TaxiiJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>TAXII timestamps carry microseconds, which <c>added_after</c> paging relies on.</summary>
    public static string Timestamp(long unixMicroseconds) => StixTimestamp.FromUnixMicroseconds(unixMicroseconds).Text;

    public static IResult Response(int status, Action<Utf8JsonWriter> write, Action<HttpResponse>? headers = null) =>
        new JsonResult(status, write, headers);

    private sealed class JsonResult(int status, Action<Utf8JsonWriter> write, Action<HttpResponse>? headers) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                write(writer);
            }

            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = TaxiiMediaType.Taxii;
            headers?.Invoke(response);
            response.ContentLength = buffer.WrittenCount;
            await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
