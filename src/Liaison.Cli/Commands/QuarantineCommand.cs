using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison quarantine list</c>: what partners sent that our agreements do not accept.</summary>
internal static class QuarantineCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("quarantine", "Objects partners sent that our agreements do not accept (kept, not stored as ours).");
        var partner = new Argument<string?>("PARTNER") { Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List quarantined objects with the reason.") { partner, limit };
        list.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var code = parse.GetValue(partner) is { } p ? PartnerCommand.Find(store, p).Code : null;
            var entries = store.Quarantine(code, Math.Clamp(parse.GetValue(limit), 1, 100_000));
            output.Table($"{entries.Count} quarantined object(s)", ["#", "partner", "object", "received", "why"],
                entries.Select(e => (IReadOnlyList<string>)[$"{e.Id}", e.Partner, e.ObjectId, ObjectRows.Microseconds(e.ReceivedAtMicroseconds), e.Reason]));
            output.Result(new JsonObject
            {
                ["quarantine"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject
                {
                    ["id"] = e.Id, ["partner"] = e.Partner, ["object_id"] = e.ObjectId,
                    ["received"] = ObjectRows.Microseconds(e.ReceivedAtMicroseconds), ["reason"] = e.Reason,
                }).ToArray()),
            });
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(list);
        return command;
    }
}
