using System.Text.Json.Nodes;
using CsCheck;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;
using Liaison.Core.Stix;
using Liaison.Core.Tests.Extensions;

namespace Liaison.Core.Tests.Policy;

public sealed class TimeRoundingTests
{
    [Fact]
    public void A_timestamp_is_rounded_down_to_the_hour()
    {
        var strike = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Hour).Apply(Examples.StrikeAssessment()));

        Assert.Equal("2015-12-13T21:00:00Z", (string?)strike["strike_time"]);
    }

    [Fact]
    public void Created_and_modified_keep_their_milliseconds()
    {
        var strike = Examples.StrikeAssessment();
        strike["created"] = "2015-12-14T18:12:34.567Z";
        strike["modified"] = "2015-12-14T18:59:00.001Z";

        var rounded = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Hour).Apply(strike));

        Assert.Equal("2015-12-14T18:00:00.000Z", (string?)rounded["created"]);
        Assert.Equal("2015-12-14T18:00:00.000Z", (string?)rounded["modified"]);
    }

    [Fact]
    public void A_day_starts_at_midnight_utc()
    {
        var strike = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Day).Apply(Examples.StrikeAssessment()));

        Assert.Equal("2015-12-13T00:00:00Z", (string?)strike["strike_time"]);
        Assert.Equal("day", (string?)strike["strike_time_precision"]);
    }

    [Fact]
    public void A_minute_rounding_keeps_a_coarser_stated_precision()
    {
        var incident = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Minute).Apply(Examples.Incident()));

        Assert.Equal("day", (string?)incident["extensions"]![LiaisonExtensions.CasualtyClaimsId]!["event_time_precision"]);
    }

    [Fact]
    public void Timestamps_inside_extension_lists_are_rounded()
    {
        var incident = Examples.Incident();
        var claims = incident["extensions"]![LiaisonExtensions.CasualtyClaimsId]!["claims"]!.AsArray();
        claims[2]!["reported_at"] = "2015-12-14T17:45:12Z";

        var rounded = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Hour).Apply(incident));

        var claim = rounded["extensions"]![LiaisonExtensions.CasualtyClaimsId]!["claims"]![2]!;
        Assert.Equal("2015-12-14T17:00:00Z", (string?)claim["reported_at"]);
        Assert.Equal("hour", (string?)claim["reported_at_precision"]);
    }

    [Fact]
    public void No_precision_property_is_invented_outside_liaison_objects()
    {
        var custom = Examples.StrikeAssessment();
        custom["type"] = "x-other-assessment";
        custom["id"] = "x-other-assessment--22f5d4b4-6e42-485b-ae40-5bf9db18164c";
        custom.Remove("strike_time_precision");
        custom.Remove("extensions");

        var rounded = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Hour).Apply(custom));

        Assert.False(rounded.ContainsKey("strike_time_precision"));
        Assert.Equal("2015-12-13T21:00:00Z", (string?)rounded["strike_time"]);
    }

    [Fact]
    public void Only_the_named_properties_are_rounded()
    {
        var strike = Examples.StrikeAssessment();

        var rounded = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Day, ["first_seen"]).Apply(strike));

        PolicyAssert.Unchanged(strike, rounded);
    }

    [Fact]
    public void Rounding_modified_alone_also_rounds_created()
    {
        var rounding = new TimeRounding(TimeGranularity.Hour, ["modified"]);

        Assert.Contains("created", rounding.PropertyNames);
    }

    [Fact]
    public void First_seen_stays_before_last_seen_and_created_before_modified()
    {
        var rounding = new TimeRounding(TimeGranularity.Hour, ["last_seen", "modified"]);
        Gen.Select(Gen.Long[0, 2_000_000_000_000_000], Gen.Long[0, 100_000_000_000], Gen.Long[0, 100_000_000_000]).Sample(
            (start, seen, later) =>
            {
                var sighting = Sighting(start, start + seen, start + later);

                var rounded = PolicyAssert.Succeeds(rounding.Apply(sighting));

                Assert.True(StixTimestamp.Parse((string)rounded["first_seen"]!) <= StixTimestamp.Parse((string)rounded["last_seen"]!));
                Assert.True(StixTimestamp.Parse((string)rounded["created"]!) <= StixTimestamp.Parse((string)rounded["modified"]!));
            },
            iter: 2_000);
    }

    [Fact]
    public void Rounding_never_moves_a_time_later_and_rounding_twice_changes_nothing()
    {
        var rounding = new TimeRounding(TimeGranularity.Parse("15m"));
        Gen.Select(Gen.Long[0, 2_000_000_000_000_000], Gen.Long[0, 100_000_000_000]).Sample(
            (start, seen) =>
            {
                var sighting = Sighting(start, start + seen, start + seen);

                var once = PolicyAssert.Succeeds(rounding.Apply(sighting));
                var twice = PolicyAssert.Succeeds(rounding.Apply(once));

                Assert.True(JsonNode.DeepEquals(once, twice));
                Assert.True(StixTimestamp.Parse((string)once["first_seen"]!) <= StixTimestamp.Parse((string)sighting["first_seen"]!));
                Assert.Equal(0, StixTimestamp.Parse((string)once["last_seen"]!).UnixMicroseconds % (15 * 60 * 1_000_000L));
            },
            iter: 2_000);
    }

    [Fact]
    public void A_strict_order_that_would_collapse_rounds_the_later_end_up()
    {
        var indicator = JsonNode.Parse("""
            {
              "type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
              "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
              "pattern": "[ipv4-addr:value = '198.51.100.1']", "pattern_type": "stix",
              "valid_from": "2015-12-14T18:10:00Z", "valid_until": "2015-12-14T18:40:00Z"
            }
            """)!.AsObject();

        var rounded = PolicyAssert.Succeeds(new TimeRounding(TimeGranularity.Hour).Apply(indicator));

        Assert.Equal("2015-12-14T18:00:00Z", (string?)rounded["valid_from"]);
        Assert.Equal("2015-12-14T19:00:00Z", (string?)rounded["valid_until"]);
    }

    [Fact]
    public void The_input_is_never_changed()
    {
        var incident = Examples.Incident();
        var before = incident.DeepClone().AsObject();

        new TimeRounding(TimeGranularity.Day).Apply(incident);

        PolicyAssert.Unchanged(before, incident);
    }

    internal static JsonObject Sighting(long firstSeen, long lastSeen, long modified) => new()
    {
        ["type"] = "sighting",
        ["spec_version"] = "2.1",
        ["id"] = "sighting--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        ["created"] = Millis(firstSeen),
        ["modified"] = Millis(modified),
        ["sighting_of_ref"] = Examples.Group,
        ["first_seen"] = StixTimestamp.FromUnixMicroseconds(firstSeen).Text,
        ["last_seen"] = StixTimestamp.FromUnixMicroseconds(lastSeen).Text,
    };

    private static string Millis(long micros) =>
        StixTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddTicks(micros / 1000 * 10_000)).Text;
}
