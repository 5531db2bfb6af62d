using System.Text.Json.Nodes;
using Liaison.Core.Extensions;

namespace Liaison.Storage.Tests.Retention;

/// <summary>Persons of interest with a review-by date, placed at a location, for the retention and read-log tests.</summary>
internal static class PersonFixtures
{
    public static JsonObject Person(int n, string name, string reviewBy, string modified = "2015-12-15T08:00:00.000Z", int? locationOf = null)
    {
        var extension = new JsonObject
        {
            ["extension_type"] = "property-extension",
            ["names"] = new JsonArray(new JsonObject { ["value"] = name, ["script"] = "Latn" }),
            ["birth_year"] = 1988,
            ["review_by"] = reviewBy,
        };
        if (locationOf is { } location)
        {
            extension["last_known_location_ref"] = StixFixtures.Id("location", location);
        }

        return new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = "2.1",
            ["id"] = StixFixtures.Id("identity", n),
            ["created"] = "2015-12-15T08:00:00.000Z",
            ["modified"] = modified,
            ["name"] = name,
            ["identity_class"] = "individual",
            ["extensions"] = new JsonObject { [LiaisonExtensions.PersonOfInterestId] = extension },
        };
    }
}
