using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Geo;
using Liaison.Core.Stix;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// The release projection of an activity notice: what a partner needs to deconflict and nothing more. The result is a
/// valid <c>x-liaison-activity-notice</c> with the same id and versions, domain, status and contact, whose area is a
/// circle holding the real one, whose altitude band and time window are rounded outwards, and which carries no name,
/// description, mission, unit, labels, external references, confidence, granular markings or custom properties.
/// Markings (<c>object_marking_refs</c>) and <c>created_by_ref</c> stay for the release pipeline to decide on. Pure and
/// thread safe; the input is not changed.
/// </summary>
public static class NoticeRelease
{
    private static readonly string[] Kept = ["type", "spec_version", "id", "created", "modified", "created_by_ref", "revoked", "object_marking_refs", "domain", "status", "contact"];

    /// <summary>Projects a stored, valid notice.</summary>
    /// <exception cref="ArgumentException">The object is not a valid activity notice, or no circle the schema accepts holds its area.</exception>
    public static JsonObject Project(JsonElement notice, NoticeReleaseOptions? options = null) =>
        TryProject(notice, options, out var released, out var failure) ? released : throw new ArgumentException(failure.Reason, nameof(notice));

    /// <summary>
    /// Projects a notice, or says why it cannot be released in this form (never by showing more: an area no circle of
    /// at most 1,000 km holds is refused when <see cref="NoticeReleaseOptions.BoundingCircle"/> is asked for).
    /// </summary>
    public static bool TryProject(JsonElement notice, NoticeReleaseOptions? options, [NotNullWhen(true)] out JsonObject? released, [NotNullWhen(false)] out StixError? failure)
    {
        options ??= NoticeReleaseOptions.Default;
        released = null;
        var read = SubjectReader.Read(notice);
        if (read.Subject is not { Kind: SubjectKind.OwnNotice } subject)
        {
            failure = read.Errors.Count > 0 ? read.Errors[0] : new StixError(null, null, "$", "is not an activity notice");
            return false;
        }

        JsonNode? area;
        if (!options.BoundingCircle)
        {
            area = JsonNode.Parse(notice.GetProperty("area").GetRawText());
        }
        else if (Circle(subject.Volume.Area, options) is { } circle)
        {
            area = circle;
        }
        else
        {
            failure = new StixError(null, subject.Id, "$.area", "no circle of at most 1,000 km holds the area: split the notice, or release the exact shape if the agreement allows it");
            return false;
        }

        var result = new JsonObject();
        foreach (var name in Kept)
        {
            if (notice.TryGetProperty(name, out var value))
            {
                result[name] = JsonNode.Parse(value.GetRawText());
            }
        }

        result["area"] = area;
        if (notice.TryGetProperty("altitude_band", out _))
        {
            var band = subject.Volume.Band;
            result["altitude_band"] = new JsonObject
            {
                ["lower_m"] = band.FloorIsSurface ? "surface" : Math.Max(AltitudeBand.LowestM, Math.Floor(band.FloorM / options.AltitudeStepM) * options.AltitudeStepM),
                ["upper_m"] = Math.Min(AltitudeBand.HighestM, Math.Ceiling(band.CeilingM / options.AltitudeStepM) * options.AltitudeStepM),
            };
        }

        var step = Math.Max(1, options.TimeStep.Ticks / 10);
        var window = subject.Volume.Window;
        result["start_time"] = Second(FloorTo(window.StartUs, step));
        result["end_time"] = Second(-FloorTo(-window.EndUs, step));
        result["extensions"] = new JsonObject { [LiaisonExtensions.ActivityNoticeId] = new JsonObject { ["extension_type"] = "new-sdo" } };
        released = result;
        failure = null;
        return true;
    }

    /// <summary>A GeoJSON circle holding the area, or null when no circle the schema accepts (≤ 1,000 km) can.</summary>
    private static JsonObject? Circle(Area area, NoticeReleaseOptions options)
    {
        var centre = area.Centre;
        var snapped = new GeoPoint(
            Math.Clamp(Math.Round(centre.Latitude / options.CentreStepDegrees) * options.CentreStepDegrees, -90, 90),
            Math.Clamp(Math.Round(centre.Longitude / options.CentreStepDegrees) * options.CentreStepDegrees, -180, 180));
        var radius = area.BoundingRadiusM + (centre.DistanceKmTo(snapped) * 1000) + Area.ToleranceM;
        radius = Math.Ceiling(radius / options.DistanceStepM) * options.DistanceStepM;
        if (radius > Area.MaxBufferM)
        {
            return null;
        }

        return new JsonObject
        {
            ["type"] = "Point",
            ["coordinates"] = new JsonArray(Decimal(snapped.Longitude), Decimal(snapped.Latitude)),
            ["radius_m"] = radius,
        };
    }

    private static long FloorTo(long value, long step)
    {
        var quotient = value / step;
        return (value % step < 0 ? quotient - 1 : quotient) * step;
    }

    private static string Second(long unixMicroseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixMicroseconds * 10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Snapped coordinates print as the short decimals they are (35.17, not 35.170000000000002).
    private static double Decimal(double value) => double.Parse(value.ToString("0.########", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
