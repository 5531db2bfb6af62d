using System.Text.Encodings.Web;
using System.Text.Json;
using Liaison.Core.Extensions;

namespace Liaison.Cli.Bench;

/// <summary>
/// Writes a realistic, reproducible mixed STIX corpus as one bundle, streaming (memory flat in its size): sources
/// and groups, then events made of a location, a sighting of a group there, and now and then an incident with
/// per-source casualty claims, a located-at relationship and a report.
/// </summary>
internal sealed class CorpusGenerator(int seed)
{
    private const int Sources = 40;
    private const int Groups = 60;
    private static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(seed);

    /// <summary>The region most events fall in (the Levant); a tenth are spread worldwide.</summary>
    public static (double MinLon, double MinLat, double MaxLon, double MaxLat) Region => (35.0, 32.0, 42.5, 37.5);

    public void Write(Stream output, int objects)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteString("id", $"bundle--{Uuid(0, 0):D}");
        writer.WriteStartArray("objects");
        var written = 0;
        for (var i = 0; i < Sources && written < objects; i++, written++)
        {
            Source(writer, i);
        }

        for (var i = 0; i < Groups && written < objects; i++, written++)
        {
            Group(writer, i);
        }

        for (var e = 0; written < objects; e++)
        {
            foreach (var part in EventParts(e))
            {
                if (written == objects)
                {
                    break;
                }

                part(writer);
                written++;
            }

            if (written % 10_000 == 0)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private IEnumerable<Action<Utf8JsonWriter>> EventParts(int e)
    {
        var (lat, lon) = Point();
        var time = Epoch.AddMinutes(_random.Next(0, 2 * 365 * 24 * 60));
        var group = _random.Next(Groups);
        var source = _random.Next(Sources);
        yield return w => Location(w, e, lat, lon, time);
        yield return w => Sighting(w, e, group, source, time);
        if (e % 3 == 0)
        {
            yield return w => LocatedAt(w, e, group, time);
        }

        if (e % 4 == 0)
        {
            yield return w => Incident(w, e, source, time);
        }

        if (e % 8 == 0)
        {
            yield return w => Report(w, e, source, time);
        }
    }

    private (double Lat, double Lon) Point()
    {
        if (_random.Next(10) == 0)
        {
            return (Math.Round((_random.NextDouble() * 170) - 85, 5), Math.Round((_random.NextDouble() * 360) - 180, 5));
        }

        var (minLon, minLat, maxLon, maxLat) = Region;
        return (Math.Round(minLat + (_random.NextDouble() * (maxLat - minLat)), 5), Math.Round(minLon + (_random.NextDouble() * (maxLon - minLon)), 5));
    }

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

    private static void Source(Utf8JsonWriter w, int i)
    {
        Common(w, "identity", Uuid(1, i), Epoch);
        w.WriteString("name", $"Source {i} news agency");
        w.WriteString("description", "An open source that reports incidents and casualty figures in the region.");
        w.WriteString("identity_class", "organization");
        w.WriteStartArray("sectors");
        w.WriteStringValue("communications");
        w.WriteEndArray();
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
        w.WriteEndObject();
    }

    private static void Location(Utf8JsonWriter w, int e, double lat, double lon, DateTimeOffset time)
    {
        Common(w, "location", Uuid(3, e), time);
        w.WriteString("name", $"Reported position {e}");
        w.WriteNumber("latitude", lat);
        w.WriteNumber("longitude", lon);
        w.WriteNumber("precision", 500);
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
        w.WriteString("description", "Fighters and vehicles observed moving along the road at dawn.");
        w.WriteEndObject();
    }

    private static void LocatedAt(Utf8JsonWriter w, int e, int group, DateTimeOffset time)
    {
        Common(w, "relationship", Uuid(5, e), time);
        w.WriteString("relationship_type", "located-at");
        w.WriteString("source_ref", $"threat-actor--{Uuid(2, group):D}");
        w.WriteString("target_ref", $"location--{Uuid(3, e):D}");
        w.WriteEndObject();
    }

    private void Incident(Utf8JsonWriter w, int e, int source, DateTimeOffset time)
    {
        Common(w, "incident", Uuid(6, e), time);
        w.WriteString("name", $"Shelling of a residential quarter ({e})");
        w.WriteString("description", "Rockets fell on a residential quarter; figures differ between sources.");
        w.WriteStartObject("extensions");
        w.WriteStartObject(LiaisonExtensions.CasualtyClaimsId);
        w.WriteString("extension_type", "property-extension");
        w.WriteString("event_time", Stamp(time));
        w.WriteString("location_ref", $"location--{Uuid(3, e):D}");
        w.WriteStartArray("claims");
        for (var c = 0; c < 2; c++)
        {
            w.WriteStartObject();
            w.WriteString("source_ref", $"identity--{Uuid(1, (source + c) % Sources):D}");
            w.WriteNumber("killed", _random.Next(0, 10));
            w.WriteNumber("injured", _random.Next(0, 30));
            w.WriteString("reported_at", Stamp(time.AddHours(2 + c)));
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
        w.WriteString("description", "Summary of incidents and movements reported during the day.");
        w.WriteString("published", Stamp(time.AddHours(6)));
        w.WriteStartArray("report_types");
        w.WriteStringValue("threat-report");
        w.WriteEndArray();
        w.WriteStartArray("object_refs");
        w.WriteStringValue($"location--{Uuid(3, e):D}");
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

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // Deterministic version-4 UUIDs: the same corpus every run, so figures compare across machines and commits.
    private static Guid Uuid(int kind, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, ((long)kind << 40) ^ index ^ 0x5A5A_1234_0000L);
        BitConverter.TryWriteBytes(bytes[8..], ((long)index * 2654435761L) ^ kind);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
