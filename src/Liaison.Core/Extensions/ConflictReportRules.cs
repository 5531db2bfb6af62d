using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Extensions;

/// <summary>
/// What the conflict report schema cannot say: an overlap is a real volume (its window ends after it starts, its band
/// does not end below its floor, its box's south is not north of its north). A report that breaks one of these
/// describes no place and no time, and is refused with the field named.
/// </summary>
internal static class ConflictReportRules
{
    public static void Check(JsonElement stixObject, JsonElement subject, string subjectPath, ErrorSink errors)
    {
        if (!subject.TryGetProperty("overlap", out var overlap) || overlap.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var overlapPath = JsonPathText.Property(subjectPath, "overlap");
        if (overlap.TryGetProperty("start_time", out var a) && overlap.TryGetProperty("end_time", out var b)
            && StixTimestamp.TryParse(a.ValueKind == JsonValueKind.String ? a.GetString() : null, out var start, out _)
            && StixTimestamp.TryParse(b.ValueKind == JsonValueKind.String ? b.GetString() : null, out var end, out _)
            && end.Value <= start.Value)
        {
            errors.Add(JsonPathText.Property(overlapPath, "end_time"), $"must be later than start_time ({start.Value.Text}): the shared window is [start_time, end_time)");
        }

        if (overlap.TryGetProperty("altitude_band", out var band) && band.ValueKind == JsonValueKind.Object
            && band.TryGetProperty("lower_m", out var lower) && lower.ValueKind == JsonValueKind.Number
            && band.TryGetProperty("upper_m", out var upper) && upper.ValueKind == JsonValueKind.Number
            && upper.GetDouble() < lower.GetDouble())
        {
            errors.Add(JsonPathText.Property(JsonPathText.Property(overlapPath, "altitude_band"), "upper_m"),
                $"must not be below lower_m ({lower.GetRawText()}), not {upper.GetRawText()}");
        }

        if (overlap.TryGetProperty("bbox", out var bbox) && bbox.ValueKind == JsonValueKind.Array && bbox.GetArrayLength() == 4
            && bbox[1].ValueKind == JsonValueKind.Number && bbox[3].ValueKind == JsonValueKind.Number
            && bbox[3].GetDouble() < bbox[1].GetDouble())
        {
            errors.Add(JsonPathText.Index(JsonPathText.Property(overlapPath, "bbox"), 3),
                $"the northern latitude must not be south of the southern one ({bbox[1].GetRawText()}), not {bbox[3].GetRawText()}");
        }
    }
}
