using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Liaison.Benchmarks.Corpus;

/// <summary>
/// A reproducible mixed STIX bundle with the same kinds, ids and proportions as the one <c>liaison bench ingest</c>
/// generates, but not the same bytes: sources (identities graded with the source reliability extension, which the
/// end-to-end corpus leaves out) and armed groups (threat actors), then events made of a location, a sighting of a
/// group there, and now and then a located-at relationship, an incident with per-source casualty claims and a report.
/// Objects are 380–750 bytes of compact JSON, about 490 on average (about 8 % more than the end-to-end corpus). The
/// micro figures in <c>docs/performance.md</c> rest on this corpus, the end-to-end ones on the other: merging the two
/// generators changes one set of figures, so it waits for a re-measurement of both.
/// </summary>
internal sealed partial class StixCorpus
{
    private const int Sources = 40;
    private const int Groups = 60;
    private static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random;

    private StixCorpus(int seed) => _random = new Random(seed);

    /// <summary>Most events fall in this box (the Levant); a tenth are spread worldwide.</summary>
    public static (double MinLon, double MinLat, double MaxLon, double MaxLat) Region => (35.0, 32.0, 42.5, 37.5);

    /// <summary>Events span two years from this instant.</summary>
    public static DateTimeOffset Start => Epoch;

    /// <summary>A bundle of exactly <paramref name="objects"/> objects.</summary>
    public static byte[] Bundle(int objects, int seed = 2015)
    {
        using var output = new MemoryStream();
        new StixCorpus(seed).Write(output, objects);
        return output.ToArray();
    }

    private void Write(Stream output, int objects)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
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
            yield return w => LocatedAt(w, e, group, source, time);
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

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // Deterministic version-4 UUIDs, as the CLI's corpus makes them: the same corpus every run.
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
