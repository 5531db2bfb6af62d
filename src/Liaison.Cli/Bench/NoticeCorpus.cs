using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;

namespace Liaison.Cli.Bench;

/// <summary>
/// Generated activity notices as STIX objects, all active at <see cref="Now"/>: half circles of 1–30 km, 30 % boxes
/// of 0.02–0.4°, 20 % corridors of 2–4 legs 2–20 km wide; air (with a band), sea and land. The same seed gives the
/// same notices.
/// </summary>
internal sealed class NoticeCorpus(int seed, bool dense)
{
    /// <summary>The instant every generated notice is active at: 2015-12-15T00:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2015, 12, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(seed);

    // A theatre (10° W–60° E, 10°–60° N), or the eastern Mediterranean (25°–50° E, 28°–42° N), ten times denser.
    private readonly (double West, double South, double East, double North) _region = dense ? (25, 28, 50, 42) : (-10, 10, 60, 60);

    public JsonObject Next(int n)
    {
        var lon = _region.West + (_random.NextDouble() * (_region.East - _region.West));
        var lat = _region.South + (_random.NextDouble() * (_region.North - _region.South));
        var shape = _random.NextDouble();
        JsonObject area;
        if (shape < 0.5)
        {
            area = new JsonObject { ["type"] = "Point", ["coordinates"] = Position(lon, lat), ["radius_m"] = Math.Round(1_000 + (_random.NextDouble() * 29_000)) };
        }
        else if (shape < 0.8)
        {
            var w = 0.02 + (_random.NextDouble() * 0.38);
            var h = 0.02 + (_random.NextDouble() * 0.38);
            area = new JsonObject
            {
                ["type"] = "Polygon",
                ["coordinates"] = new JsonArray(new JsonArray(Position(lon, lat), Position(lon + w, lat), Position(lon + w, lat + h), Position(lon, lat + h), Position(lon, lat))),
            };
        }
        else
        {
            var line = new JsonArray(Position(lon, lat));
            for (var leg = _random.Next(2, 5); leg > 0; leg--)
            {
                lon += _random.NextDouble() - 0.5;
                lat = Math.Clamp(lat + _random.NextDouble() - 0.5, -89, 89);
                line.Add(Position(lon, lat));
            }

            area = new JsonObject { ["type"] = "LineString", ["coordinates"] = line, ["width_m"] = Math.Round(2_000 + (_random.NextDouble() * 18_000)) };
        }

        var domain = new[] { "air", "sea", "land" }[_random.Next(3)];
        var start = Now.AddHours(-_random.NextDouble() * 24);
        var notice = new JsonObject
        {
            ["type"] = LiaisonExtensions.ActivityNoticeType,
            ["spec_version"] = "2.1",
            ["id"] = $"{LiaisonExtensions.ActivityNoticeType}--{new Guid($"00000000-0000-4000-8000-{n:D12}")}",
            ["created"] = "2015-12-10T00:00:00.000Z",
            ["modified"] = "2015-12-10T00:00:00.000Z",
            ["name"] = $"Activity {n}",
            ["domain"] = domain,
            ["area"] = area,
            ["start_time"] = Stamp(start),
            ["end_time"] = Stamp(start.AddHours(12 + (_random.NextDouble() * 60))),
            ["status"] = "active",
            ["contact"] = new JsonObject { ["channel"] = "radio", ["address"] = $"{_random.Next(118, 137)}.{_random.Next(0, 1000):D3} MHz" },
            ["mission"] = $"OP-{n}",
            ["extensions"] = new JsonObject { [LiaisonExtensions.ActivityNoticeId] = new JsonObject { ["extension_type"] = "new-sdo" } },
        };
        if (domain == "air")
        {
            var floor = Math.Round(500 + (_random.NextDouble() * 8_000));
            notice["altitude_band"] = new JsonObject { ["lower_m"] = floor, ["upper_m"] = floor + Math.Round(300 + (_random.NextDouble() * 2_700)) };
        }

        return notice;
    }

    private static JsonArray Position(double lon, double lat) => new(Math.Round(lon > 180 ? lon - 360 : lon, 6), Math.Round(lat, 6));

    private static string Stamp(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
