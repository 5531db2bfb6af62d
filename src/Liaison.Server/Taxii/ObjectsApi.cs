using System.Text.Json;
using Liaison.Storage.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Liaison.Server.Taxii;

/// <summary>Reading a collection (TAXII 2.1 §5.3 manifest, §5.4 objects, §5.6 one object, §5.7 delete, §5.8 versions).</summary>
internal static class ObjectsApi
{
    public static void Map(IEndpointRouteBuilder routes, TaxiiContext taxii)
    {
        routes.MapGet("/api/collections/{id}/objects/", (HttpContext context, string id) =>
            Read(taxii, context, id, objectId: null, manifest: false));

        routes.MapGet("/api/collections/{id}/manifest/", (HttpContext context, string id) =>
            Read(taxii, context, id, objectId: null, manifest: true));

        routes.MapGet("/api/collections/{id}/objects/{objectId}/", (HttpContext context, string id, string objectId) =>
            Read(taxii, context, id, objectId, manifest: false));

        routes.MapGet("/api/collections/{id}/objects/{objectId}/versions/", (HttpContext context, string id, string objectId) =>
            Versions(taxii, context, id, objectId));

        routes.MapDelete("/api/collections/{id}/objects/{objectId}/", (HttpContext context, string id, string objectId) =>
            Delete(taxii, context, id, objectId));
    }

    private static IResult Read(TaxiiContext taxii, HttpContext context, string id, string? objectId, bool manifest)
    {
        if (!TaxiiQuery.TryParse(context.Request.Query, taxii.Options.MaxPageSize, out var query, out var error))
        {
            return TaxiiError.BadRequest(error!);
        }

        using var lease = taxii.Stores.Rent();
        if (!TaxiiContext.TryCollection(lease, context, id, out var collection, out var grant))
        {
            return TaxiiContext.CollectionNotFound(id);
        }

        if (!grant.CanRead)
        {
            return TaxiiError.Forbidden($"you may write to collection {id} but not read it");
        }

        var filter = objectId is null ? query.Filter : query.Filter with { Ids = [objectId] };
        var scope = $"{(manifest ? "manifest" : "objects")}|{collection.Id}|{objectId}";
        if (!TryResume(taxii, query, scope, ref filter, out var resumeError))
        {
            return TaxiiError.BadRequest(resumeError!);
        }

        var page = lease.Store.ReadCollection(collection.Id, filter, query.Limit, includeJson: !manifest);
        if (objectId is not null && page.Entries.Count == 0 && query.Next is null)
        {
            return TaxiiError.NotFound($"no object '{objectId}' matching these filters in collection {id}");
        }

        var next = page.More ? PageToken.Issue(scope, query.Filter, page.Entries[^1].DateAddedMicroseconds, taxii.Clock.UtcNow) : null;
        return TaxiiJson.Response(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("more", page.More);
            if (next is not null)
            {
                writer.WriteString("next", next);
            }

            if (page.Entries.Count > 0)
            {
                writer.WriteStartArray("objects");
                foreach (var entry in page.Entries)
                {
                    if (manifest)
                    {
                        WriteManifestRecord(writer, entry);
                    }
                    else
                    {
                        writer.WriteRawValue(entry.Stored.Utf8Json, skipInputValidation: true);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }, response => DateAddedHeaders(response, page.Entries));
    }

    private static IResult Versions(TaxiiContext taxii, HttpContext context, string id, string objectId)
    {
        if (!TaxiiQuery.TryParse(context.Request.Query, taxii.Options.MaxPageSize, out var query, out var error))
        {
            return TaxiiError.BadRequest(error!);
        }

        using var lease = taxii.Stores.Rent();
        if (!TaxiiContext.TryCollection(lease, context, id, out var collection, out var grant))
        {
            return TaxiiContext.CollectionNotFound(id);
        }

        if (!grant.CanRead)
        {
            return TaxiiError.Forbidden($"you may write to collection {id} but not read it");
        }

        var filter = query.Filter;
        var scope = $"versions|{collection.Id}|{objectId}";
        if (!TryResume(taxii, query, scope, ref filter, out var resumeError))
        {
            return TaxiiError.BadRequest(resumeError!);
        }

        var all = lease.Store.ObjectVersions(collection.Id, objectId, filter);
        if (all.Count == 0 && query.Next is null)
        {
            return TaxiiError.NotFound($"no object '{objectId}' in collection {id}");
        }

        var entries = all.Take(query.Limit).ToList();
        var more = all.Count > entries.Count;
        var next = more ? PageToken.Issue(scope, query.Filter, entries[^1].DateAddedMicroseconds, taxii.Clock.UtcNow) : null;
        return TaxiiJson.Response(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("more", more);
            if (next is not null)
            {
                writer.WriteString("next", next);
            }

            if (entries.Count > 0)
            {
                writer.WriteStartArray("versions");
                foreach (var entry in entries)
                {
                    writer.WriteStringValue(VersionText(entry));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }, response => DateAddedHeaders(response, entries));
    }

    private static IResult Delete(TaxiiContext taxii, HttpContext context, string id, string objectId)
    {
        if (!TaxiiQuery.TryParse(context.Request.Query, taxii.Options.MaxPageSize, out var query, out var error))
        {
            return TaxiiError.BadRequest(error!);
        }

        using var lease = taxii.Stores.Rent();
        if (!TaxiiContext.TryCollection(lease, context, id, out var collection, out var grant))
        {
            return TaxiiContext.CollectionNotFound(id);
        }

        if (!grant.CanRead || !grant.CanWrite)
        {
            return TaxiiError.Forbidden($"deleting from collection {id} needs both read and write access");
        }

        // Without match[version], DELETE removes every version: removing only the latest would resurrect the one
        // before it, which is not what "delete this object" means to anyone.
        var filter = context.Request.Query.ContainsKey("match[version]") ? query.Filter : query.Filter with { Versions = new TaxiiVersionFilter(false, false, true, []) };
        var removed = lease.Store.DeleteFromCollection(collection.Id, objectId, filter);
        return removed == 0
            ? TaxiiError.NotFound($"no object '{objectId}' matching these filters in collection {id}")
            : TaxiiJson.Response(StatusCodes.Status200OK, writer =>
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            });
    }

    private static bool TryResume(TaxiiContext taxii, TaxiiQuery query, string scope, ref TaxiiFilter filter, out string? error)
    {
        error = null;
        if (query.Next is null)
        {
            return true;
        }

        if (!PageToken.TryRead(query.Next, scope, query.Filter, taxii.Clock.UtcNow, taxii.Options.PageTokenLifetime, out var last, out error))
        {
            return false;
        }

        filter = filter with { AddedAfter = Math.Max(filter.AddedAfter ?? long.MinValue, last) };
        return true;
    }

    private static void WriteManifestRecord(Utf8JsonWriter writer, CollectionEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entry.Stored.Id);
        writer.WriteString("date_added", TaxiiJson.Timestamp(entry.DateAddedMicroseconds));
        writer.WriteString("version", VersionText(entry));
        writer.WriteString("media_type", TaxiiMediaType.Stix);
        writer.WriteEndObject();
    }

    // An object without modified or created (a cyber-observable) is versioned by the time it was added (TAXII §3.4.2).
    private static string VersionText(CollectionEntry entry) =>
        TaxiiJson.Timestamp(entry.Stored.Version == Liaison.Storage.Sqlite.SqliteWriteBatch.Unversioned ? entry.DateAddedMicroseconds : entry.Stored.Version);

    private static void DateAddedHeaders(HttpResponse response, IReadOnlyList<CollectionEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        response.Headers["X-TAXII-Date-Added-First"] = TaxiiJson.Timestamp(entries[0].DateAddedMicroseconds);
        response.Headers["X-TAXII-Date-Added-Last"] = TaxiiJson.Timestamp(entries[^1].DateAddedMicroseconds);
    }
}
