using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Ledger;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison ledger compare PARTNER</c>: our signed release entries against the partner's signed receipts — what was
/// released and acknowledged, released and not acknowledged, acknowledged but never released, and hash mismatches.
/// </summary>
internal static class LedgerCompareCommand
{
    private const int Page = 10_000;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var command = new Command("compare", "Compare what we released to a partner with what its signed receipts acknowledge.") { partner };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var info = PartnerCommand.Find(store, parse.GetValue(partner)!);
            var report = ExchangeComparison.Compare(Entries(store), info.Code, store.PartnerReceipts(info.Code), info.PublicKey);
            output.Table($"Exchange with {info.Code}", ["", "versions"],
            [
                ["released and acknowledged", $"{report.Acknowledged.Count}"],
                ["released, not acknowledged", $"{report.NotAcknowledged.Count}"],
                ["acknowledged, never released", $"{report.NeverReleased.Count}"],
                ["content hash mismatch", $"{report.HashMismatches.Count}"],
                ["receipts refused (bad signature)", $"{report.RejectedReceipts.Count}"],
            ]);
            var problems = report.NotAcknowledged.Select(i => ("not acknowledged", i)).Concat(report.NeverReleased.Select(i => ("never released", i)))
                .Concat(report.HashMismatches.Select(i => ("hash mismatch", i))).ToList();
            if (problems.Count > 0)
            {
                output.Table("Differences", ["what", "object", "version"], problems.Take(1000).Select(p => (IReadOnlyList<string>)[p.Item1, p.i.ObjectId, Version(p.i.ObjectVersion)]));
            }

            output.Result(new JsonObject
            {
                ["partner"] = info.Code,
                ["clean"] = report.IsClean,
                ["acknowledged"] = report.Acknowledged.Count,
                ["not_acknowledged"] = Items(report.NotAcknowledged),
                ["never_released"] = Items(report.NeverReleased),
                ["hash_mismatches"] = Items(report.HashMismatches),
                ["rejected_receipts"] = new JsonArray(report.RejectedReceipts.Select(r => (JsonNode)r).ToArray()),
            });
            if (report.IsClean)
            {
                output.Success($"every release to {info.Code} is acknowledged with the same content, and nothing else is claimed");
                return ExitCodes.Ok;
            }

            return ExitCodes.Rejected;
        });
        return command;
    }

    // The whole log, a page at a time (the comparison keeps only release entries).
    private static IEnumerable<LedgerEntry> Entries(Storage.Sqlite.SqliteStixStore store)
    {
        for (long from = 0; ; from += Page)
        {
            var page = store.LedgerEntries(from, Page);
            foreach (var record in page)
            {
                yield return record.Entry;
            }

            if (page.Count < Page)
            {
                yield break;
            }
        }
    }

    private static JsonArray Items(IReadOnlyList<ExchangeItem> items) =>
        new(items.Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.ObjectId, ["version"] = Version(i.ObjectVersion),
            ["released_hash"] = i.Released?.ToString(), ["acknowledged_hash"] = i.Acknowledged?.ToString(),
        }).ToArray());

    private static string Version(long? microseconds) => microseconds is { } v ? ObjectRows.Microseconds(v) : "-";
}
