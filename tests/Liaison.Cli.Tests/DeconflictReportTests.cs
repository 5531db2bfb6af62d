using Liaison.Cli.Commands;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>Conflict reports between the demo's two nodes, seen from the command line.</summary>
public sealed class DeconflictReportTests
{
    private const string Carrier = "x-liaison-activity-notice--d5e6f7a8-9b0c-4d1e-8f2a-3b4c5d6e7f17";

    [Fact]
    public async Task Conflicts_lists_the_partners_report_next_to_the_conflicts_found_here_and_cancelling_our_notice_revokes_ours()
    {
        using var cli = new CliHarness();
        (await cli.Run("demo", "--keep", "nodes")).ExitsWith(ExitCodes.Ok);
        var fra = Path.Combine(cli.Root, "nodes", "fra");

        var conflicts = (await cli.Run("deconflict", "conflicts", "--json", "--home", fra)).ExitsWith(DeconflictCommand.ConflictsFound).Json();

        var received = Assert.Single(conflicts["reports_received"]!.AsArray())!;
        Assert.Equal(("RUS", Carrier), ((string?)received["partner"], (string?)received["our_notice"]));
        Assert.Equal(["overlap", "contacts"], received["report"]!.AsObject().Select(p => p.Key));
        Assert.NotEmpty(conflicts["conflicts"]!.AsArray());

        // The carrier group's plans are cancelled: the conflict is gone, and the report FRA sent RUS is revoked.
        var notice = (await cli.Json("get", Carrier, "--home", fra))["versions"]![0]!["object"]!.AsObject();
        notice["status"] = "cancelled";
        notice["modified"] = "2015-12-15T12:00:00.000Z";
        cli.Write("cancelled.json", notice.ToJsonString());
        var added = (await cli.Run("deconflict", "add", "cancelled.json", "--json", "--home", fra)).ExitsWith(ExitCodes.Ok).Json();

        var change = Assert.Single(added["conflict_reports_written"]!.AsArray())!;
        Assert.Equal(("RUS", "revoked"), ((string?)change["partner"], (string?)change["change"]));
        var report = (await cli.Json("get", (string)change["report"]!, "--home", fra))["versions"]![0]!;
        Assert.True((bool)report["revoked"]!);
        var preview = await cli.Json("agreement", "preview", "RUS", "--home", fra);
        Assert.Contains(preview["items"]!.AsArray(), i => (string?)i!["source_id"] == (string?)change["report"] && (string?)i["action"] == "withdraw");
    }
}
