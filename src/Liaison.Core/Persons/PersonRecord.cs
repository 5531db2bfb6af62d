using System.Text.Json;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Persons;

/// <summary>What matching and retention need from a stored person of interest (its person-of-interest extension).</summary>
/// <param name="Id">The identity or threat-actor id.</param>
/// <param name="Names">The values of the extension's <c>names</c>, in every script.</param>
/// <param name="BirthYear">The year of birth, when known (a record without one never matches).</param>
/// <param name="ReviewBy">The date by which the record must be reviewed, or be purged.</param>
public sealed record PersonRecord(string Id, IReadOnlyList<string> Names, int? BirthYear, StixTimestamp ReviewBy)
{
    /// <summary>Reads a validated object's person-of-interest extension; null when it has none.</summary>
    public static PersonRecord? Read(JsonElement stixObject)
    {
        if (stixObject.ValueKind != JsonValueKind.Object
            || !stixObject.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty(LiaisonExtensions.PersonOfInterestId, out var body) || body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("review_by", out var reviewBy) || !StixTimestamp.TryParse(reviewBy.GetString(), out var review, out _))
        {
            return null;
        }

        var names = body.TryGetProperty("names", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(n => n.TryGetProperty("value", out var v) ? v.GetString() : null).OfType<string>().ToList()
            : [];
        int? birthYear = body.TryGetProperty("birth_year", out var year) && year.TryGetInt32(out var y) ? y : null;
        var id = stixObject.TryGetProperty("id", out var i) ? i.GetString() ?? string.Empty : string.Empty;
        return new PersonRecord(id, names, birthYear, review.Value);
    }
}
