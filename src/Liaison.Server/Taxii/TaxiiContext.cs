using Liaison.Core;
using Liaison.Server.Security;
using Liaison.Storage.Taxii;
using Microsoft.AspNetCore.Http;

namespace Liaison.Server.Taxii;

/// <summary>What every TAXII handler needs: the stores, the envelope writer, the options, the clock; and the collection access rules.</summary>
internal sealed class TaxiiContext(StorePool stores, EnvelopeWriter writer, LiaisonServerOptions options, IClock clock)
{
    public StorePool Stores => stores;

    /// <summary>Where POSTed envelopes are written.</summary>
    public EnvelopeWriter Writer => writer;

    public LiaisonServerOptions Options => options;

    public IClock Clock => clock;

    /// <summary>The API root's URL as the client reached it, ending with '/'.</summary>
    public static string ApiRootUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/api/";

    /// <summary>
    /// The collection and the caller's rights on it. A collection the caller holds no grant on is reported as not
    /// found, exactly like one that does not exist, so a principal never learns of it.
    /// </summary>
    public static bool TryCollection(StorePool.Lease lease, HttpContext context, string id, out CollectionInfo collection, out CollectionGrant grant)
    {
        collection = null!;
        grant = null!;
        if (!Guid.TryParse(id, out var collectionId)
            || lease.Store.FindCollection(collectionId.ToString()) is not { } found
            || lease.Store.Access(TaxiiAuthentication.PrincipalOf(context), found.Id) is not { } access
            || (!access.CanRead && !access.CanWrite))
        {
            return false;
        }

        collection = found;
        grant = access;
        // Reads of persons of interest through this collection are logged under the principal that made them.
        lease.Store.Reader = "taxii:" + TaxiiAuthentication.PrincipalOf(context);
        return true;
    }

    public static IResult CollectionNotFound(string id) => TaxiiError.NotFound($"no collection '{id}' on this API root");
}
