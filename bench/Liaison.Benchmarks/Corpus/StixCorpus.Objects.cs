using System.Text.Json;
using Liaison.Core.Extensions;

namespace Liaison.Benchmarks.Corpus;

internal sealed partial class StixCorpus
{
    private static readonly string[] Reliability = ["A", "B", "B", "C", "C", "D", "F"];
    private static readonly string[] Towns = ["Hama", "Idlib", "Homs", "Raqqa", "Deir ez-Zor", "Aleppo", "Daraa", "Mosul", "Tal Afar", "Qamishli"];
    private static readonly string[] Movements =
    [
        "Fighters and vehicles observed moving along the road at dawn.",
        "A convoy of pick-up trucks seen leaving the village towards the river.",
        "Armed men set up a checkpoint at the crossroads and searched cars.",
        "Mortar positions reported on the ridge overlooking the town.",
    ];

    private static readonly string[] Incidents = ["Shelling", "Car bomb", "Air strike", "Rocket fire", "Ambush"];

    private static void Common(Utf8JsonWriter w, string type, Guid id, DateTimeOffset time)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("spec_version", "2.1");
        w.WriteString("id", $"{type}--{id:D}");
        var stamp = Stamp(time);
        w.WriteString("created", stamp);
        w.WriteString("modified", stamp);
    }

    private void Source(Utf8JsonWriter w, int i)
    {
        Common(w, "identity", Uuid(1, i), Epoch);
        w.WriteString("name", $"Source {i} news agency");
        w.WriteString("description", "An open source that reports incidents and casualty figures in the region.");
        w.WriteString("identity_class", "organization");
        w.WriteStartArray("sectors");
        w.WriteStringValue("communications");
        w.WriteEndArray();
        w.WriteStartObject("extensions");
        w.WriteStartObject(LiaisonExtensions.SourceReliabilityId);
        w.WriteString("extension_type", "property-extension");
        w.WriteString("reliability", Pick(Reliability));
        w.WriteString("rationale", "Track record over the last two years of reporting.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Group(Utf8JsonWriter w, int i)
    {
        Common(w, "threat-actor", Uuid(2, i), Epoch);
        w.WriteString("name", $"Armed group {i}");
        w.WriteString("description", "A non-state armed group active in the region, named in open reporting.");
        w.WriteStartArray("threat_actor_types");
        w.WriteStringValue("terrorist");
        w.WriteEndArray();
        w.WriteStartArray("aliases");
        w.WriteStringValue($"Group {i}");
        w.WriteStringValue($"Katibat {i}");
        w.WriteEndArray();
        w.WriteStartArray("roles");
        w.WriteStringValue("agent");
        w.WriteEndArray();
        w.WriteString("primary_motivation", "ideology");
        w.WriteEndObject();
    }

    private void Location(Utf8JsonWriter w, int e, double lat, double lon, DateTimeOffset time)
    {
        Common(w, "location", Uuid(3, e), time);
        w.WriteString("name", $"Reported position {e} near {Pick(Towns)}");
        w.WriteString("description", "Position as given by the source, rounded to about 500 metres.");
        w.WriteNumber("latitude", lat);
        w.WriteNumber("longitude", lon);
        w.WriteNumber("precision", 500);
        w.WriteString("region", "western-asia");
        w.WriteString("country", "SY");
        w.WriteEndObject();
    }

    private void Sighting(Utf8JsonWriter w, int e, int group, int source, DateTimeOffset time)
    {
        Common(w, "sighting", Uuid(4, e), time);
        w.WriteString("created_by_ref", $"identity--{Uuid(1, source):D}");
        w.WriteString("first_seen", Stamp(time));
        w.WriteString("last_seen", Stamp(time.AddHours(_random.Next(1, 48))));
        w.WriteNumber("count", _random.Next(1, 40));
        w.WriteNumber("confidence", _random.Next(10, 95));
        w.WriteString("sighting_of_ref", $"threat-actor--{Uuid(2, group):D}");
        w.WriteStartArray("where_sighted_refs");
        w.WriteStringValue($"location--{Uuid(3, e):D}");
        w.WriteEndArray();
        w.WriteString("description", Pick(Movements));
        w.WriteEndObject();
    }

    private static void LocatedAt(Utf8JsonWriter w, int e, int group, int source, DateTimeOffset time)
    {
        Common(w, "relationship", Uuid(5, e), time);
        w.WriteString("created_by_ref", $"identity--{Uuid(1, source):D}");
        w.WriteString("relationship_type", "located-at");
        w.WriteString("description", "The group holds positions here according to the source.");
        w.WriteString("source_ref", $"threat-actor--{Uuid(2, group):D}");
        w.WriteString("target_ref", $"location--{Uuid(3, e):D}");
        w.WriteEndObject();
    }

    private void Incident(Utf8JsonWriter w, int e, int source, DateTimeOffset time)
    {
        Common(w, "incident", Uuid(6, e), time);
        w.WriteString("name", $"{Pick(Incidents)} in {Pick(Towns)} ({e})");
        w.WriteStartObject("extensions");
        w.WriteStartObject(LiaisonExtensions.CasualtyClaimsId);
        w.WriteString("extension_type", "property-extension");
        w.WriteString("event_time", Stamp(time));
        w.WriteString("location_ref", $"location--{Uuid(3, e):D}");
        w.WriteStartArray("claims");
        var claims = _random.Next(4) == 0 ? 2 : 1;
        for (var c = 0; c < claims; c++)
        {
            w.WriteStartObject();
            w.WriteString("source_ref", $"identity--{Uuid(1, (source + c) % Sources):D}");
            w.WriteNumber("killed", _random.Next(0, 10));
            if (_random.Next(3) == 0)
            {
                w.WriteString("injured_text", "dozens");
            }
            else
            {
                w.WriteNumber("injured", _random.Next(0, 30));
            }

            w.WriteString("reported_at", Stamp(time.AddHours(2 + c)));
            w.WriteNumber("credibility", 1 + _random.Next(6));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Report(Utf8JsonWriter w, int e, int source, DateTimeOffset time)
    {
        Common(w, "report", Uuid(7, e), time);
        w.WriteString("created_by_ref", $"identity--{Uuid(1, source):D}");
        w.WriteString("name", $"Daily situation report {e}");
        w.WriteString("published", Stamp(time.AddHours(6)));
        w.WriteStartArray("report_types");
        w.WriteStringValue("threat-report");
        w.WriteEndArray();
        w.WriteStartArray("object_refs");
        w.WriteStringValue($"sighting--{Uuid(4, e):D}");
        w.WriteStringValue($"incident--{Uuid(6, e):D}");
        w.WriteEndArray();
        w.WriteStartArray("external_references");
        w.WriteStartObject();
        w.WriteString("source_name", "agency-wire");
        w.WriteString("url", $"https://news.example/reports/{e}");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
