using System.Globalization;
using System.Text.Json.Nodes;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// A conflict as told to both sides: the overlap volume and how to reach the people involved. It names neither
/// notice, mission, unit, shape nor full extent, so a partner learns only that something of ours is planned in that
/// box, band and window. Immutable.
/// </summary>
/// <param name="Overlap">Where, how high and when.</param>
/// <param name="Contacts">The contact of each activity involved (one when the other side is a protected site).</param>
/// <param name="ProtectedCategory">The category of the protected site involved (hospital, school…), if one is.</param>
public sealed record ConflictDisclosure(OverlapVolume Overlap, IReadOnlyList<Contact> Contacts, string? ProtectedCategory)
{
    /// <summary>What a ledger records of a disclosure: the SHA-256 of its canonical JSON (<see cref="ToJson"/>).</summary>
    public static Canonical.ContentHash HashOf(JsonObject disclosure) => Canonical.ContentHash.Of(System.Text.Json.JsonSerializer.SerializeToElement(disclosure));

    /// <summary>The report as JSON, the form the release pipeline sends: <c>overlap</c>, <c>contacts</c>, and <c>protected_category</c> if any.</summary>
    public JsonObject ToJson()
    {
        var region = Overlap.Region;
        var json = new JsonObject
        {
            ["overlap"] = new JsonObject
            {
                ["bbox"] = new JsonArray(Round(region.MinLongitude), Round(region.MinLatitude), Round(region.MaxLongitude), Round(region.MaxLatitude)),
                ["altitude_band"] = new JsonObject { ["lower_m"] = Math.Floor(Overlap.Band.FloorM), ["upper_m"] = Math.Ceiling(Overlap.Band.CeilingM) },
                ["start_time"] = TimeWindow.Show(Overlap.Window.StartUs),
                ["end_time"] = TimeWindow.Show(Overlap.Window.EndUs),
            },
            ["contacts"] = new JsonArray(Contacts.Select(c => (JsonNode)ContactJson(c)).ToArray()),
        };
        if (ProtectedCategory is not null)
        {
            json["protected_category"] = ProtectedCategory;
        }

        return json;
    }

    /// <summary>A contact as the extension writes it (<c>channel</c>, <c>address</c>, <c>name</c> when known).</summary>
    public static JsonObject ContactJson(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var json = new JsonObject { ["channel"] = contact.Channel, ["address"] = contact.Address };
        if (contact.Name is not null)
        {
            json["name"] = contact.Name;
        }

        return json;
    }

    // Six decimals (about 0.1 m) are more than the over-approximated box is worth and keep output stable.
    private static double Round(double degrees) => double.Parse(degrees.ToString("0.######", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
