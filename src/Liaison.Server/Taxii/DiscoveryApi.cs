using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Liaison.Server.Taxii;

/// <summary>Server discovery (TAXII 2.1 §4.1) and the API root (§4.2).</summary>
internal static class DiscoveryApi
{
    public static void Map(IEndpointRouteBuilder routes, TaxiiContext taxii)
    {
        routes.MapGet("/taxii2/", (HttpContext context) => TaxiiJson.Response(StatusCodes.Status200OK, writer =>
        {
            var root = TaxiiContext.ApiRootUrl(context);
            writer.WriteStartObject();
            writer.WriteString("title", taxii.Options.Title);
            writer.WriteString("description", "A Liaison node: STIX 2.1 over TAXII 2.1, shared under bilateral agreements.");
            writer.WriteString("default", root);
            writer.WriteStartArray("api_roots");
            writer.WriteStringValue(root);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }));

        routes.MapGet("/api/", () => TaxiiJson.Response(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("title", taxii.Options.Title);
            writer.WriteString("description", "This node's collections.");
            writer.WriteStartArray("versions");
            writer.WriteStringValue(TaxiiMediaType.Taxii);
            writer.WriteEndArray();
            writer.WriteNumber("max_content_length", taxii.Options.MaxContentLength);
            writer.WriteEndObject();
        }));
    }
}
