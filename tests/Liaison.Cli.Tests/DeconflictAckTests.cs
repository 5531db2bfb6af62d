using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>Acknowledging a conflict with a partner's notice, on the demo's two nodes.</summary>
public sealed class DeconflictAckTests
{
    private const string Carrier = "x-liaison-activity-notice--d5e6f7a8-9b0c-4d1e-8f2a-3b4c5d6e7f17";

    [Fact]
    public async Task A_conflict_with_a_partners_notice_is_acknowledged_in_the_ledger_and_nothing_else_can_be()
    {
        using var cli = new CliHarness();
        (await cli.Run("demo", "--keep", "nodes")).ExitsWith(ExitCodes.Ok);
        var fra = Path.Combine(cli.Root, "nodes", "fra");
        var theirs = (string)(await cli.Json("deconflict", "list", "--home", fra))["subjects"]!.AsArray().Single(s => (string)s!["whose"]! == "partner RUS")!["id"]!;

        var ack = await cli.Json("deconflict", "ack", theirs, Carrier, "--as", "officer-of-the-watch", "--home", fra);
        var ledger = await cli.Json("ledger", "show", "--limit", "1000", "--home", fra);
        var notAPartnersNotice = await cli.Run("deconflict", "ack", Carrier, theirs, "--home", fra);
        var noSuchConflict = await cli.Run("deconflict", "ack", theirs, "x-liaison-activity-notice--00000000-0000-4000-8000-000000000001", "--home", fra);

        Assert.Equal("RUS", (string)ack["partner"]!);
        Assert.DoesNotContain("cruiser", ack["disclosure"]!.ToJsonString(), StringComparison.Ordinal);
        var entry = ledger["entries"]!.AsArray().Single(e => (string)e!["kind"]! == "deconfliction-acknowledgement");
        Assert.Equal(theirs, (string)entry!["object_id"]!);
        Assert.Contains("officer-of-the-watch", (string)entry["clause"]!, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, notAPartnersNotice.ExitCode);
        Assert.Contains("not a partner's notice", notAPartnersNotice.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, noSuchConflict.ExitCode);
        (await cli.Run("ledger", "verify", "--home", fra)).ExitsWith(ExitCodes.Ok);
    }
}
