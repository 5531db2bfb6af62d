using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison retention purge [--dry-run]</c>: removes persons of interest past their review-by date, and logs each purge.</summary>
internal static class RetentionCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be purged; change nothing." };
        var purge = new Command("purge", "Purge every person-of-interest record whose review-by date has passed without review (all versions and index rows); each purge is logged.") { dryRun };
        purge.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            if (parse.GetValue(dryRun))
            {
                var due = store.ExpiredPersons();
                output.Table($"{due.Count} record(s) would be purged", ["id", "review by", "versions"],
                    due.Select(p => (IReadOnlyList<string>)[p.ObjectId, p.ReviewBy, p.Versions.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
                output.Result(new JsonObject
                {
                    ["dry_run"] = true,
                    ["due"] = new JsonArray([.. due.Select(p => (JsonNode)new JsonObject { ["id"] = p.ObjectId, ["review_by"] = p.ReviewBy, ["versions"] = p.Versions })]),
                });
                return ExitCodes.Ok;
            }

            var purges = store.PurgeExpiredPersons(store.Reader);
            output.Table($"{purges.Count} record(s) purged", ["id", "review by", "versions", "purge log #"],
                purges.Select(p => (IReadOnlyList<string>)[p.ObjectId, p.ReviewBy, p.ContentHashes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            output.Result(new JsonObject
            {
                ["dry_run"] = false,
                ["purged"] = new JsonArray([.. purges.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.ObjectId, ["review_by"] = p.ReviewBy, ["log_seq"] = p.Seq, ["purged_by"] = p.PurgedBy,
                    ["content_hashes"] = new JsonArray([.. p.ContentHashes.Select(h => (JsonNode)JsonValue.Create(Convert.ToHexStringLower(h)))]),
                })]),
            });
            return ExitCodes.Ok;
        });
        var command = new Command("retention", "Retention of personal data (persons of interest).");
        command.Subcommands.Add(purge);
        return command;
    }
}
