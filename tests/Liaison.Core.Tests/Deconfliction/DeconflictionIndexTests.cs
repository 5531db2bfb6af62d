using CsCheck;
using Liaison.Core.Deconfliction;
using Liaison.Core.Geo;
using static Liaison.Core.Tests.Deconfliction.Shapes;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class DeconflictionIndexTests
{
    [Fact]
    public void The_indexed_check_finds_exactly_what_comparing_with_every_subject_finds()
    {
        Gen.Select(VolumeGen.Anchors, VolumeGen.Anchors).SelectMany((a, b) => Gen.Select(
                VolumeGen.Subjects(a).Array[40, 80],
                VolumeGen.Subjects(b).Array[10, 20],
                VolumeGen.Subjects(a).Array[5, 10]))
            .Sample((indexed, other, queries) =>
            {
                (indexed, other, queries) = (VolumeGen.Numbered(indexed, 0), VolumeGen.Numbered(other, 1000), VolumeGen.Numbered(queries, 2000));
                var index = new DeconflictionIndex(VolumeGen.Rules);
                var all = indexed.Concat(other).ToList();
                foreach (var subject in all)
                {
                    index.Upsert(subject);
                }

                foreach (var query in queries)
                {
                    var expected = all.Where(s => ConflictDetector.Check(query, s, VolumeGen.Rules) is not null).Select(s => s.Id).Order(StringComparer.Ordinal);
                    var actual = index.Check(query).Select(c => c.Other.Id).Order(StringComparer.Ordinal);
                    Assert.Equal(expected, actual);
                }
            }, iter: 40);
    }

    [Fact]
    public void After_updates_and_cancellations_the_index_still_agrees_with_brute_force()
    {
        VolumeGen.Anchors.SelectMany(a => Gen.Select(VolumeGen.Subjects(a).Array[40, 80], VolumeGen.Subjects(a).Array[20, 30], Gen.Int.Array[30]))
            .Sample((first, moved, picks) =>
            {
                (first, moved) = (VolumeGen.Numbered(first, 0), VolumeGen.Numbered(moved, 1000));
                var index = new DeconflictionIndex(VolumeGen.Rules);
                var live = first.ToDictionary(s => s.Id);
                foreach (var subject in first)
                {
                    index.Upsert(subject);
                }

                // Move some subjects (same id, new volume) and cancel others.
                for (var i = 0; i < moved.Length; i++)
                {
                    var target = first[Math.Abs(picks[i % picks.Length] % first.Length)];
                    if (i % 3 == 0)
                    {
                        index.Upsert(target with { Status = NoticeStatus.Cancelled });
                        live.Remove(target.Id);
                    }
                    else
                    {
                        var changed = moved[i] with { Id = target.Id, Kind = target.Kind, Domain = target.Domain };
                        index.Upsert(changed);
                        live[target.Id] = changed;
                    }
                }

                Assert.Equal(live.Count, index.Count);
                foreach (var query in moved.Take(10))
                {
                    var expected = live.Values.Where(s => ConflictDetector.Check(query, s, VolumeGen.Rules) is not null).Select(s => s.Id).Order(StringComparer.Ordinal);
                    Assert.Equal(expected, index.Check(query).Select(c => c.Other.Id).Order(StringComparer.Ordinal));
                }
            }, iter: 40);
    }

    [Fact]
    public void A_check_never_reports_the_subject_against_itself()
    {
        var index = new DeconflictionIndex(Rules());
        var notice = Notice("a", Box(0, 0, 1, 1));
        index.Upsert(notice);

        Assert.Empty(index.Check(notice));
        Assert.Single(index.Check(notice with { Id = "x-liaison-activity-notice--6a4a3d51-7a5f-4b5e-9b57-0d1d8d4b7e11" }));
    }

    [Fact]
    public void A_cancelled_notice_leaves_the_index()
    {
        var index = new DeconflictionIndex(Rules());
        var notice = Notice("a", Box(0, 0, 1, 1));
        index.Upsert(notice);

        index.Upsert(notice with { Status = NoticeStatus.Cancelled });

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Check(Notice("b", Box(0, 0, 1, 1))));
    }

    [Fact]
    public void A_query_keeps_subjects_in_the_box_and_active_at_the_instant()
    {
        var index = new DeconflictionIndex(Rules());
        index.Upsert(Notice("morning", Box(0, 0, 1, 1), start: 0, end: 4));
        index.Upsert(Notice("evening", Box(0, 0, 1, 1), start: 8, end: 12));
        index.Upsert(Notice("pacific", Box(179, 0, -179, 1), start: 0, end: 12));

        Assert.Equal(["morning"], index.Query(new GeoBox(-1, -1, 2, 2), T0 + Hour).Select(s => s.Label));
        Assert.Equal(["pacific"], index.Query(new GeoBox(170, -5, -170, 5), null).Select(s => s.Label));
        Assert.Equal(["evening", "pacific"], index.Query(null, T0 + (8 * Hour)).Select(s => s.Label).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("morning", index.Query(null, T0 + (4 * Hour)).Select(s => s.Label));
    }
}
