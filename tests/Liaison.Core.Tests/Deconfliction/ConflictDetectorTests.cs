using Liaison.Core.Deconfliction;
using static Liaison.Core.Tests.Deconfliction.Shapes;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class ConflictDetectorTests
{
    private static readonly DeconflictionRules NoMinima = Rules();

    [Fact]
    public void Overlapping_volumes_conflict_and_the_report_holds_the_overlap()
    {
        var a = Notice("a", Box(0, 0, 1, 1), 1000, 3000, 0, 4);
        var b = Notice("b", Box(0.5, 0.5, 2, 2), 2000, 5000, 2, 6);

        var conflict = ConflictDetector.Check(a, b, NoMinima);

        Assert.NotNull(conflict);
        Assert.Equal(new AltitudeBand(2000, 3000), conflict.Overlap.Band);
        Assert.Equal(new TimeWindow(T0 + (2 * Hour), T0 + (4 * Hour)), conflict.Overlap.Window);
        var region = conflict.Overlap.Region;
        Assert.InRange(region.MinLatitude, 0.4, 0.5);
        Assert.InRange(region.MinLongitude, 0.4, 0.5);
        Assert.InRange(region.MaxLatitude, 1.0, 1.1);
        Assert.InRange(region.MaxLongitude, 1.0, 1.1);
    }

    [Fact]
    public void Areas_touching_along_an_edge_do_not_conflict_without_a_lateral_minimum()
    {
        Assert.Null(ConflictDetector.Check(Notice("a", Box(0, 0, 1, 1)), Notice("b", Box(1, 0, 2, 1)), NoMinima));
        Assert.NotNull(ConflictDetector.Check(Notice("a", Box(0, 0, 1, 1)), Notice("b", Box(1, 0, 2, 1)), Rules(lateralM: 1)));
    }

    [Fact]
    public void Exactly_the_lateral_minimum_apart_is_separated_and_a_metre_less_is_a_conflict()
    {
        // Circles of 10 km on the equator one degree apart: the gap is one degree less 20 km.
        var a = Notice("a", Circle(0, 0, 10_000));
        var b = Notice("b", Circle(1, 0, 10_000));
        var gap = MetresPerDegree - 20_000;

        Assert.Null(ConflictDetector.Check(a, b, Rules(lateralM: gap)));
        Assert.NotNull(ConflictDetector.Check(a, b, Rules(lateralM: gap + 1)));
    }

    [Fact]
    public void Bands_sharing_a_level_do_not_conflict_without_a_vertical_minimum_and_exactly_the_minimum_is_separated()
    {
        var low = Notice("low", Box(0, 0, 1, 1), 1000, 2000);
        var high = Notice("high", Box(0, 0, 1, 1), 2000, 3000);
        var higher = Notice("higher", Box(0, 0, 1, 1), 2300, 3000);

        Assert.Null(ConflictDetector.Check(low, high, NoMinima));
        Assert.Null(ConflictDetector.Check(low, higher, Rules(verticalM: 300)));
        Assert.NotNull(ConflictDetector.Check(low, higher, Rules(verticalM: 301)));
    }

    [Fact]
    public void A_window_ending_when_the_next_starts_does_not_overlap_it_and_the_buffer_is_exclusive()
    {
        var first = Notice("first", Box(0, 0, 1, 1), start: 0, end: 2);
        var next = Notice("next", Box(0, 0, 1, 1), start: 2, end: 4);
        var later = Notice("later", Box(0, 0, 1, 1), start: 3, end: 4);

        Assert.Null(ConflictDetector.Check(first, next, NoMinima));
        Assert.Null(ConflictDetector.Check(first, later, Rules(bufferMinutes: 60)));
        var conflict = ConflictDetector.Check(first, later, Rules(bufferMinutes: 61));
        Assert.NotNull(conflict);
        Assert.Equal(new TimeWindow(T0 + (3 * Hour) - (Hour * 61 / 120), T0 + (2 * Hour) + (Hour * 61 / 120)), conflict.Overlap.Window);
    }

    [Fact]
    public void Activities_across_the_antimeridian_conflict_and_the_overlap_box_crosses_it_too()
    {
        var a = Notice("a", Box(179, -1, -179, 1));
        var b = Notice("b", Circle(-179.8, 0.2, 5_000));

        var conflict = ConflictDetector.Check(a, b, NoMinima);

        Assert.NotNull(conflict);
        Assert.Null(ConflictDetector.Check(a, Notice("c", Circle(0, 0, 5_000)), NoMinima));
        Assert.InRange(conflict.Overlap.Region.MinLongitude, -179.9, -179.8);
    }

    [Fact]
    public void A_corridor_conflicts_with_what_comes_within_half_its_width_and_not_beyond()
    {
        // A corridor 10 km wide along the equator from 10° E to 50° E, and circles of 1 km north of it.
        var corridor = Notice("corridor", Corridor(10_000, (10, 0), (50, 0)));
        var inside = Notice("inside", Circle(30, 5_900 / MetresPerDegree, 1_000));
        var outside = Notice("outside", Circle(30, 6_100 / MetresPerDegree, 1_000));

        Assert.NotNull(ConflictDetector.Check(corridor, inside, NoMinima));
        Assert.Null(ConflictDetector.Check(corridor, outside, NoMinima));
    }

    [Fact]
    public void An_activity_inside_a_polygons_hole_is_clear_of_it()
    {
        var ring = Notice("ring", Polygon(
            [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)],
            [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5), (0.5, 0.5)]));

        Assert.Null(ConflictDetector.Check(ring, Notice("hole", Circle(1, 1, 20_000)), NoMinima));
        Assert.NotNull(ConflictDetector.Check(ring, Notice("hole", Circle(1, 1, 20_000)), Rules(lateralM: 40_000)));
        Assert.NotNull(ConflictDetector.Check(ring, Notice("edge", Circle(1, 1, 60_000)), NoMinima));
    }

    [Fact]
    public void A_circle_against_a_polygon_is_measured_from_its_centre_to_the_nearest_edge()
    {
        var polygon = Notice("polygon", Box(0, 0, 1, 1));
        // The meridian 1° E is a great circle: a centre on the equator at 1.1° E is 0.1° from it.
        var near = Notice("near", Circle(1.1, 0, (0.1 * MetresPerDegree) + 10));
        var far = Notice("far", Circle(1.1, 0, (0.1 * MetresPerDegree) - 10));

        Assert.NotNull(ConflictDetector.Check(polygon, near, NoMinima));
        Assert.Null(ConflictDetector.Check(polygon, far, NoMinima));
    }

    [Fact]
    public void Near_the_pole_activities_on_opposite_meridians_can_be_close()
    {
        var a = Notice("a", Circle(0, 89.95, 3_000));
        var b = Notice("b", Circle(180, 89.95, 3_000));

        // 0.1° of great circle over the pole: 11.1 km between the centres, 5.1 km between the circles.
        Assert.Null(ConflictDetector.Check(a, b, Rules(lateralM: (0.1 * MetresPerDegree) - 6_000)));
        Assert.NotNull(ConflictDetector.Check(a, b, Rules(lateralM: (0.1 * MetresPerDegree) - 6_000 + 1)));
    }

    [Fact]
    public void A_protected_site_conflicts_at_every_altitude_and_time_its_protection_covers()
    {
        var hospital = Site("hospital", Circle(36.4, 35.2, 300));
        var highFlight = Notice("high", Circle(36.41, 35.2, 1_000), 9000, 12000);

        var conflict = ConflictDetector.Check(highFlight, hospital, NoMinima);

        Assert.NotNull(conflict);
        Assert.Equal("hospital", conflict.Disclosure.ProtectedCategory);
        Assert.Single(conflict.Disclosure.Contacts);
    }

    [Fact]
    public void Different_domains_keep_the_stricter_minimum_of_the_two()
    {
        var rules = new DeconflictionRules(
            new SeparationMinima(10_000, 300, TimeSpan.Zero),
            new SeparationMinima(1_000, 0, TimeSpan.Zero),
            new SeparationMinima(1_000, 0, TimeSpan.Zero));
        var ship = Notice("ship", Circle(0, 0, 1_000), 0, 100, domain: ActivityDomain.Sea);
        var plane = Notice("plane", Circle(0.05, 0, 1_000), 350, 1000);

        // 5.56 km apart minus 2 km: inside the air minimum, and only 250 m above the ship's band.
        Assert.NotNull(ConflictDetector.Check(ship, plane, rules));
        Assert.Null(ConflictDetector.Check(ship, Notice("ship2", Circle(0.05, 0, 1_000), 0, 100, domain: ActivityDomain.Sea), rules));
    }

    [Fact]
    public void Cancelled_notices_two_sites_and_two_partner_notices_are_never_compared()
    {
        var area = Box(0, 0, 1, 1);

        Assert.Null(ConflictDetector.Check(Notice("a", area), Notice("b", area, status: NoticeStatus.Cancelled), NoMinima));
        Assert.Null(ConflictDetector.Check(Site("a", area), Site("b", area), NoMinima));
        Assert.Null(ConflictDetector.Check(Notice("a", area, kind: SubjectKind.PartnerNotice), Notice("b", area, kind: SubjectKind.PartnerNotice), NoMinima));
        Assert.NotNull(ConflictDetector.Check(Notice("a", area, kind: SubjectKind.PartnerNotice), Site("b", area), NoMinima));
    }

    [Fact]
    public void The_disclosure_carries_the_overlap_and_the_contacts_and_nothing_of_either_notice()
    {
        var conflict = ConflictDetector.Check(Notice("alpha", Box(0, 0, 1, 1)), Notice("bravo", Box(0.5, 0.5, 2, 2)), NoMinima)!;

        var json = conflict.Disclosure.ToJson().ToJsonString();

        Assert.Contains("alpha ops", json, StringComparison.Ordinal);
        Assert.Contains("bravo ops", json, StringComparison.Ordinal);
        Assert.DoesNotContain(conflict.Subject.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain(conflict.Other.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"alpha\"", json, StringComparison.Ordinal);
        Assert.Equal(["overlap", "contacts"], conflict.Disclosure.ToJson().Select(p => p.Key));
    }
}
