using System.Text.Json;
using Liaison.Server.Security;
using Liaison.Storage.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Liaison.Server.Taxii;

/// <summary>Collections (TAXII 2.1 §5.1, §5.2): only those the caller holds a grant on, with the caller's rights.</summary>
internal static class CollectionsApi
{
    public static void Map(IEndpointRouteBuilder routes, TaxiiContext taxii)
    {
        routes.MapGet("/api/collections/", (HttpContext context) =>
        {
            using var lease = taxii.Stores.Rent();
            var principal = TaxiiAuthentication.PrincipalOf(context);
            var visible = new List<(CollectionInfo, CollectionGrant)>();
            foreach (var collection in lease.Store.Collections())
            {
                if (lease.Store.Access(principal, collection.Id) is { } grant && (grant.CanRead || grant.CanWrite))
                {
                    visible.Add((collection, grant));
                }
            }

            return TaxiiJson.Response(StatusCodes.Status200OK, writer =>
            {
                writer.WriteStartObject();
                if (visible.Count > 0)
                {
                    writer.WriteStartArray("collections");
                    foreach (var (collection, grant) in visible)
                    {
                        Write(writer, collection, grant);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            });
        });

        routes.MapGet("/api/collections/{id}/", (HttpContext context, string id) =>
        {
            using var lease = taxii.Stores.Rent();
            return TaxiiContext.TryCollection(lease, context, id, out var collection, out var grant)
                ? TaxiiJson.Response(StatusCodes.Status200OK, writer => Write(writer, collection, grant))
                : TaxiiContext.CollectionNotFound(id);
        });
    }

    private static void Write(Utf8JsonWriter writer, CollectionInfo collection, CollectionGrant grant)
    {
        writer.WriteStartObject();
        writer.WriteString("id", collection.Id.ToString("D"));
        writer.WriteString("title", collection.Title);
        if (collection.Description is not null)
        {
            writer.WriteString("description", collection.Description);
        }

        if (collection.Alias is not null)
        {
            writer.WriteString("alias", collection.Alias);
        }

        writer.WriteBoolean("can_read", grant.CanRead);
        writer.WriteBoolean("can_write", grant.CanWrite);
        writer.WriteStartArray("media_types");
        writer.WriteStringValue(TaxiiMediaType.Stix);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
