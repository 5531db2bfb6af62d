using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Liaison.Server.Taxii;

/// <summary>Writes TAXII error resources (TAXII 2.1 §3.6.1): every error is one, with the TAXII media type.</summary>
internal static class TaxiiError
{
    public static Task Write(HttpContext context, int status, string title, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = TaxiiMediaType.Taxii;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, TaxiiJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("title", title);
            writer.WriteString("description", description);
            writer.WriteString("http_status", status.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        context.Response.ContentLength = buffer.Length;
        return context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).AsTask();
    }

    public static IResult Result(int status, string title, string description) => new ErrorResult(status, title, description);

    public static IResult NotFound(string what) => Result(StatusCodes.Status404NotFound, "Not found", what);

    public static IResult BadRequest(string why) => Result(StatusCodes.Status400BadRequest, "Bad request", why);

    public static IResult Forbidden(string why) => Result(StatusCodes.Status403Forbidden, "Forbidden", why);

    private sealed class ErrorResult(int status, string title, string description) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Write(httpContext, status, title, description);
    }
}
