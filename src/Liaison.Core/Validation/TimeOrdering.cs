using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>Ordering rules between two timestamps of one object (modified ≥ created, last_seen ≥ first_seen, ...).</summary>
internal static class TimeOrdering
{
    public static void Check(ValidationContext context, JsonElement value, Loc path, TimeOrder order)
    {
        if (!TryRead(value, order.Earlier, out var earlier) || !TryRead(value, order.Later, out var later))
        {
            return; // An unreadable timestamp has already been reported.
        }

        var ok = order.Strict ? later > earlier : later >= earlier;
        if (!ok)
        {
            var relation = order.Strict ? "later than" : "later than or equal to";
            context.Error(
                path.Prop(order.Later),
                $"{order.Later} '{later.Text}' must be {relation} {order.Earlier} '{earlier.Text}'");
        }
    }

    private static bool TryRead(JsonElement value, string name, out StixTimestamp timestamp)
    {
        timestamp = default;
        if (value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            && StixTimestamp.TryParse(property.GetString(), out var parsed, out _))
        {
            timestamp = parsed.Value;
            return true;
        }

        return false;
    }
}
