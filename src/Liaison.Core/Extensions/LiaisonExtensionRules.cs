using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Extensions;

/// <summary>
/// Checks a JSON schema cannot express: orderings between two fields, either-or properties, closed rings, and
/// agreement with the extended object. Each runs after the schema and looks only at values of the right kind, so a
/// value the schema already rejected is not reported twice.
/// </summary>
internal static class LiaisonExtensionRules
{
    /// <summary>A rule: the STIX object, the checked JSON (the object itself or the extension body) and its path.</summary>
    internal delegate void Rule(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors);

    public static void StrikeAssessment(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors)
    {
        if (subject.TryGetProperty("civilian_harm", out var harm) && harm.ValueKind == JsonValueKind.Object
            && harm.TryGetProperty("assessment", out var assessment) && assessment.ValueEquals("none-observed"))
        {
            var harmPath = JsonPathText.Property(subjectPath, "civilian_harm");
            foreach (var count in new[] { "killed", "injured" })
            {
                if (harm.TryGetProperty(count, out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out var people) && people > 0)
                {
                    errors.Add(JsonPathText.Property(harmPath, count),
                        $"is {people} but assessment is 'none-observed': use 'possible' or 'confirmed', or remove the count");
                }
            }
        }
    }

    public static void CasualtyClaims(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors)
    {
        if (!subject.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind == JsonValueKind.Object
                && !claim.TryGetProperty("killed", out _) && !claim.TryGetProperty("injured", out _)
                && !claim.TryGetProperty("killed_text", out _) && !claim.TryGetProperty("injured_text", out _))
            {
                errors.Add(JsonPathText.Index(JsonPathText.Property(subjectPath, "claims"), index),
                    "a claim must give at least one of killed, injured, killed_text or injured_text (the source's words when it gave no number)");
            }

            index++;
        }
    }

    public static void PersonOfInterest(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors)
    {
        if (stixObject.TryGetProperty("type", out var type) && type.ValueEquals("identity")
            && !(stixObject.TryGetProperty("identity_class", out var identityClass) && identityClass.ValueEquals("individual")))
        {
            var actual = stixObject.TryGetProperty("identity_class", out var given) ? SchemaFailureText.Show(given) : "absent";
            errors.Add("$.identity_class", $"must be 'individual' on an identity carrying the person-of-interest extension, not {actual}");
        }

        if (!subject.TryGetProperty("names", out var names) || names.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var values = names.EnumerateArray()
            .Where(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
            .Select(n => n.GetProperty("value").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var namesPath = JsonPathText.Property(subjectPath, "names");
        var index = 0;
        foreach (var name in names.EnumerateArray())
        {
            if (name.ValueKind == JsonValueKind.Object && name.TryGetProperty("transliteration_of", out var original)
                && original.ValueKind == JsonValueKind.String && !values.Contains(original.GetString()!))
            {
                errors.Add(JsonPathText.Property(JsonPathText.Index(namesPath, index), "transliteration_of"),
                    $"{SchemaFailureText.Show(original)} is not the value of another entry of names");
            }

            index++;
        }
    }

    public static void ActivityNotice(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors)
    {
        RequireAfter(subject, subjectPath, "start_time", "end_time", "the time window is [start_time, end_time)", errors);
        if (subject.TryGetProperty("altitude_band", out var band) && band.ValueKind == JsonValueKind.Object
            && band.TryGetProperty("lower_m", out var lower) && lower.ValueKind == JsonValueKind.Number
            && band.TryGetProperty("upper_m", out var upper) && upper.ValueKind == JsonValueKind.Number
            && upper.GetDouble() <= lower.GetDouble())
        {
            errors.Add(JsonPathText.Property(JsonPathText.Property(subjectPath, "altitude_band"), "upper_m"),
                $"must be above lower_m ({lower.GetRawText()}), not {upper.GetRawText()}");
        }

        if (subject.TryGetProperty("area", out var area))
        {
            CheckRingsClosed(area, subjectPath, errors);
        }
    }

    public static void ProtectedSite(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors)
    {
        var hasRadius = subject.TryGetProperty("radius_m", out _);
        var hasArea = subject.TryGetProperty("area", out var area);
        if (hasRadius == hasArea)
        {
            errors.Add(subjectPath, hasRadius
                ? "give either radius_m or area, not both"
                : "the protected extent is missing: give radius_m (a circle around the location's latitude and longitude) or area (a GeoJSON polygon)");
        }

        if (hasRadius && !(stixObject.TryGetProperty("latitude", out _) && stixObject.TryGetProperty("longitude", out _)))
        {
            errors.Add(JsonPathText.Property(subjectPath, "radius_m"), "needs the location's latitude and longitude as the centre of the circle");
        }

        if (hasArea)
        {
            CheckRingsClosed(area, subjectPath, errors);
        }

        RequireAfter(subject, subjectPath, "valid_from", "valid_until", "the validity window is [valid_from, valid_until)", errors);
    }

    public static void Receipt(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors)
    {
        var byReference = subject.TryGetProperty("checkpoint_ref", out _);
        var embedded = subject.TryGetProperty("checkpoint", out _);
        if (byReference == embedded)
        {
            errors.Add(subjectPath, byReference
                ? "give either checkpoint_ref or checkpoint, not both"
                : "the ledger checkpoint is missing: give checkpoint_ref or an embedded checkpoint");
        }
    }

    private static void RequireAfter(JsonElement subject, string subjectPath, string first, string second, string why, ErrorSink errors)
    {
        if (subject.TryGetProperty(first, out var a) && subject.TryGetProperty(second, out var b)
            && StixTimestamp.TryParse(a.ValueKind == JsonValueKind.String ? a.GetString() : null, out var start, out _)
            && StixTimestamp.TryParse(b.ValueKind == JsonValueKind.String ? b.GetString() : null, out var end, out _)
            && end.Value <= start.Value)
        {
            errors.Add(JsonPathText.Property(subjectPath, second), $"must be later than {first} ({start.Value.Text}): {why}");
        }
    }

    /// <summary>
    /// Every linear ring of the Polygon or MultiPolygon at <c>area</c> must end where it starts (RFC 7946 §3.1.6).
    /// Paths are written only for an open ring: a valid area costs no allocation.
    /// </summary>
    private static void CheckRingsClosed(JsonElement geometry, string subjectPath, ErrorSink errors)
    {
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type)
            || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        if (type.ValueEquals("Polygon"))
        {
            CheckPolygon(coordinates, subjectPath, polygonIndex: null, errors);
        }
        else if (type.ValueEquals("MultiPolygon"))
        {
            var index = 0;
            foreach (var polygon in coordinates.EnumerateArray())
            {
                CheckPolygon(polygon, subjectPath, index++, errors);
            }
        }
    }

    private static void CheckPolygon(JsonElement polygon, string subjectPath, int? polygonIndex, ErrorSink errors)
    {
        if (polygon.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind == JsonValueKind.Array && ring.GetArrayLength() >= 4
                && IsPosition(ring[0]) && IsPosition(ring[ring.GetArrayLength() - 1]) && !SamePosition(ring[0], ring[ring.GetArrayLength() - 1]))
            {
                var polygonPath = JsonPathText.Property(JsonPathText.Property(subjectPath, "area"), "coordinates");
                if (polygonIndex is { } n)
                {
                    polygonPath = JsonPathText.Index(polygonPath, n);
                }

                errors.Add(JsonPathText.Index(polygonPath, index), "is not a closed ring: its last position must equal its first");
            }

            index++;
        }
    }

    private static bool IsPosition(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is not (2 or 3))
        {
            return false;
        }

        foreach (var coordinate in position.EnumerateArray())
        {
            if (coordinate.ValueKind != JsonValueKind.Number)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SamePosition(JsonElement a, JsonElement b)
    {
        if (a.GetArrayLength() != b.GetArrayLength())
        {
            return false;
        }

        for (var i = 0; i < a.GetArrayLength(); i++)
        {
            if (a[i].GetDouble() != b[i].GetDouble())
            {
                return false;
            }
        }

        return true;
    }
}
