using System.Text.Json;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// Reads an <c>x-liaison-activity-notice</c>, or a <c>location</c> carrying the protected-site extension, into a
/// <see cref="DeconflictionSubject"/>. The object is expected to have passed <see cref="Validation.StixValidator"/>
/// (the extension schemas); this adds what a schema cannot say about geometry (rings that cross themselves, holes
/// outside their polygon, areas too large for one polygon) and still reports rather than throws on anything else.
/// Pure and thread safe.
/// </summary>
public static class SubjectReader
{
    /// <summary>Whether the object is something deconfliction reads: a notice or a protected site.</summary>
    public static bool IsSubject(JsonElement stixObject) =>
        stixObject.ValueKind == JsonValueKind.Object && stixObject.TryGetProperty("type", out var type)
        && (type.ValueEquals(LiaisonExtensions.ActivityNoticeType)
            || (type.ValueEquals("location") && stixObject.TryGetProperty("extensions", out var extensions)
                && extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty(LiaisonExtensions.ProtectedSiteId, out _)));

    /// <summary>Reads a notice (ours or, with <paramref name="partnerNotice"/>, a partner's) or a protected site.</summary>
    public static SubjectReadResult Read(JsonElement stixObject, bool partnerNotice = false, int? index = null)
    {
        var errors = new List<StixError>();
        var id = stixObject.ValueKind == JsonValueKind.Object && stixObject.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        void Fail(string path, string reason) => errors.Add(new StixError(index, id, path, reason));

        if (id is null || !IsSubject(stixObject))
        {
            Fail("$", $"is neither an {LiaisonExtensions.ActivityNoticeType} nor a location with the protected-site extension");
            return new SubjectReadResult(null, errors);
        }

        var subject = stixObject.GetProperty("type").ValueEquals("location")
            ? ReadSite(stixObject, id, Fail)
            : ReadNotice(stixObject, id, partnerNotice, Fail);
        return new SubjectReadResult(errors.Count == 0 ? subject : null, errors);
    }

    private static DeconflictionSubject? ReadNotice(JsonElement notice, string id, bool partner, Action<string, string> fail)
    {
        ActivityDomain? domain = Text(notice, "domain") switch
        {
            "air" => ActivityDomain.Air,
            "sea" => ActivityDomain.Sea,
            "land" => ActivityDomain.Land,
            _ => null,
        };
        NoticeStatus? status = Text(notice, "status") switch
        {
            "planned" => NoticeStatus.Planned,
            "active" => NoticeStatus.Active,
            "cancelled" => NoticeStatus.Cancelled,
            _ => null,
        };
        if (domain is null)
        {
            fail("$.domain", "must be air, sea or land");
        }

        if (status is null)
        {
            fail("$.status", "must be planned, active or cancelled");
        }

        var window = Window(notice, "$", "start_time", "end_time", required: true, fail);
        var area = ReadArea(notice, "$", "area", fail);
        var band = domain is { } d ? Band(notice, d, fail) : null;
        var contact = ReadContact(notice, fail);
        if (domain is null || status is null || window is null || area is null || band is null || contact is null)
        {
            return null;
        }

        return new DeconflictionSubject(id, partner ? SubjectKind.PartnerNotice : SubjectKind.OwnNotice, domain, status.Value,
            new Volume(area, band.Value, window.Value), contact, Text(notice, "name"));
    }

    private static DeconflictionSubject? ReadSite(JsonElement location, string id, Action<string, string> fail)
    {
        var extensionPath = JsonPathText.Property("$.extensions", LiaisonExtensions.ProtectedSiteId);
        var extension = location.GetProperty("extensions").GetProperty(LiaisonExtensions.ProtectedSiteId);
        Area? area = null;
        if (extension.TryGetProperty("radius_m", out var radius) && radius.ValueKind == JsonValueKind.Number)
        {
            if (location.TryGetProperty("latitude", out var lat) && lat.ValueKind == JsonValueKind.Number && lat.GetDouble() is >= -90 and <= 90
                && location.TryGetProperty("longitude", out var lon) && lon.ValueKind == JsonValueKind.Number && lon.GetDouble() is >= -180 and <= 180
                && radius.GetDouble() is > 0 and <= Area.MaxBufferM)
            {
                area = Area.Circle(new Geo.GeoPoint(lat.GetDouble(), lon.GetDouble()), radius.GetDouble());
            }
            else
            {
                fail(JsonPathText.Property(extensionPath, "radius_m"), "needs the location's latitude and longitude and a positive radius");
            }
        }
        else if (extension.TryGetProperty("area", out _))
        {
            area = ReadArea(extension, extensionPath, "area", fail);
        }
        else
        {
            fail(extensionPath, "the protected extent is missing: give radius_m or area");
        }

        var window = Window(extension, extensionPath, "valid_from", "valid_until", required: false, fail);
        if (area is null || window is null)
        {
            return null;
        }

        return new DeconflictionSubject(id, SubjectKind.ProtectedSite, null, NoticeStatus.Active,
            new Volume(area, AltitudeBand.WholeColumn, window.Value), null, Text(extension, "category") ?? "other");
    }

    private static Area? ReadArea(JsonElement owner, string ownerPath, string property, Action<string, string> fail)
    {
        var path = JsonPathText.Property(ownerPath, property);
        if (!owner.TryGetProperty(property, out var geometry))
        {
            fail(path, $"required property '{property}' is missing");
            return null;
        }

        if (AreaReader.TryRead(geometry, path, out var area, out var error))
        {
            return area;
        }

        fail(error.Value.Path, error.Value.Reason);
        return null;
    }

    private static AltitudeBand? Band(JsonElement notice, ActivityDomain domain, Action<string, string> fail)
    {
        if (!notice.TryGetProperty("altitude_band", out var band))
        {
            if (domain == ActivityDomain.Air)
            {
                fail("$.altitude_band", "required property 'altitude_band' is missing (an air activity needs one)");
                return null;
            }

            return AltitudeBand.AtSurface(domain);
        }

        var lower = band.ValueKind == JsonValueKind.Object && band.TryGetProperty("lower_m", out var l) ? l : default;
        var upper = band.ValueKind == JsonValueKind.Object && band.TryGetProperty("upper_m", out var u) ? u : default;
        var surface = lower.ValueKind == JsonValueKind.String && lower.ValueEquals("surface") && domain != ActivityDomain.Air;
        if (!(surface || lower.ValueKind == JsonValueKind.Number) || upper.ValueKind != JsonValueKind.Number)
        {
            fail("$.altitude_band", "needs lower_m (metres AMSL, or \"surface\" at sea and on land) and upper_m (metres AMSL)");
            return null;
        }

        var floor = surface ? AltitudeBand.SurfaceM(domain) : lower.GetDouble();
        var ceiling = upper.GetDouble();
        if (floor is < AltitudeBand.LowestM or > AltitudeBand.HighestM || ceiling is < AltitudeBand.LowestM or > AltitudeBand.HighestM)
        {
            fail("$.altitude_band", "altitudes must be within [-11000, 100000] metres");
            return null;
        }

        if (ceiling < floor || (!surface && ceiling == floor))
        {
            fail("$.altitude_band.upper_m", $"must be above lower_m ({(surface ? "the surface, " : "")}{floor} m), not {ceiling}");
            return null;
        }

        return new AltitudeBand(floor, ceiling, surface);
    }

    private static Contact? ReadContact(JsonElement notice, Action<string, string> fail)
    {
        if (notice.TryGetProperty("contact", out var contact) && contact.ValueKind == JsonValueKind.Object
            && Text(contact, "channel") is { Length: > 0 } channel && Text(contact, "address") is { Length: > 0 } address)
        {
            return new Contact(channel, address, Text(contact, "name"));
        }

        fail("$.contact", "needs a channel and an address: a conflict is reported through them");
        return null;
    }

    private static TimeWindow? Window(JsonElement owner, string ownerPath, string startName, string endName, bool required, Action<string, string> fail)
    {
        long? Instant(string name)
        {
            if (!owner.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    fail(JsonPathText.Property(ownerPath, name), $"required property '{name}' is missing");
                }

                return null;
            }

            if (StixTimestamp.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, out var timestamp, out var reason))
            {
                return timestamp.Value.UnixMicroseconds;
            }

            fail(JsonPathText.Property(ownerPath, name), reason);
            return null;
        }

        var start = Instant(startName);
        var end = Instant(endName);
        if (required && (start is null || end is null))
        {
            return null;
        }

        var s = start ?? long.MinValue;
        var e = end ?? long.MaxValue;
        if (e <= s)
        {
            fail(JsonPathText.Property(ownerPath, endName), $"must be later than {startName}: the window is [{startName}, {endName})");
            return null;
        }

        return new TimeWindow(s, e);
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
