using Liaison.Storage.Sqlite;
using Liaison.Storage.Taxii;

namespace Liaison.Storage.Tests.Taxii;

public sealed class StatusTests
{
    private static TaxiiStatus Status(Guid id, bool complete = true) => new(
        id,
        Guid.NewGuid(),
        "rus-liaison",
        complete,
        1_448_928_000_123_456,
        [new TaxiiStatusDetail("indicator--00000000-0000-4000-8000-000000000001", "2015-12-01T00:00:00.000Z", null)],
        [new TaxiiStatusDetail("indicator--00000000-0000-4000-8000-000000000002", null, "'name' must be a string, found 42 — « é »")],
        complete ? [] : [new TaxiiStatusDetail("note--00000000-0000-4000-8000-000000000003", "2015-12-02T00:00:00Z", "queued")]);

    [Fact]
    public void A_saved_status_reads_back_equal()
    {
        using var test = new TestStore();
        var status = Status(Guid.NewGuid(), complete: false);

        test.Store.SaveStatus(status);
        test.Reopen();
        var found = test.Store.FindStatus(status.Id)!;

        Assert.Equal((status.Id, status.CollectionId, status.Principal, status.Complete, status.RequestTimestampMicroseconds),
            (found.Id, found.CollectionId, found.Principal, found.Complete, found.RequestTimestampMicroseconds));
        Assert.Equal(status.Successes, found.Successes);
        Assert.Equal(status.Failures, found.Failures);
        Assert.Equal(status.Pendings, found.Pendings);
        Assert.Equal(3, found.TotalCount);
    }

    [Fact]
    public void Saving_again_replaces_the_status()
    {
        using var test = new TestStore();
        var id = Guid.NewGuid();
        test.Store.SaveStatus(Status(id, complete: false));

        test.Store.SaveStatus(Status(id, complete: true));

        var found = test.Store.FindStatus(id)!;
        Assert.True(found.Complete);
        Assert.Empty(found.Pendings);
        Assert.Equal(1L, test.Sql("SELECT COUNT(*) FROM statuses"));
    }

    [Fact]
    public void Several_statuses_saved_together_each_read_back_as_saved()
    {
        using var test = new TestStore();
        var statuses = Enumerable.Range(0, 5).Select(i => Status(Guid.NewGuid(), complete: i % 2 == 0)).ToList();

        test.Store.SaveStatuses(statuses);
        test.Reopen();

        Assert.All(statuses, status =>
        {
            var found = test.Store.FindStatus(status.Id)!;
            Assert.Equal((status.Complete, status.Principal), (found.Complete, found.Principal));
            Assert.Equal(status.Pendings, found.Pendings);
        });
        Assert.Equal(5L, test.Sql("SELECT COUNT(*) FROM statuses"));
    }

    [Fact]
    public void An_unknown_status_is_not_found()
    {
        using var test = new TestStore();

        Assert.Null(test.Store.FindStatus(Guid.NewGuid()));
    }

    [Fact]
    public void Statuses_are_kept_seven_days_then_purged_when_another_is_saved()
    {
        using var test = new TestStore();
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        test.Store.SaveStatus(Status(old));
        test.Clock.UtcNow = test.Clock.UtcNow.AddDays(1);
        test.Store.SaveStatus(Status(recent));
        test.Clock.UtcNow = test.Clock.UtcNow.AddDays(6).AddMinutes(1);

        test.Store.SaveStatus(Status(Guid.NewGuid()));

        Assert.Null(test.Store.FindStatus(old));
        Assert.NotNull(test.Store.FindStatus(recent));
        Assert.Equal(TimeSpan.FromDays(7), SqliteStixStore.StatusRetention);
    }
}
