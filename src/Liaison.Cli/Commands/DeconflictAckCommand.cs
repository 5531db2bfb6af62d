using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Deconfliction;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Deconfliction;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;
using Liaison.Storage.Deconfliction;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison deconflict ack THEIRS OURS</c>: we have seen the conflict between a partner's notice and ours and dealt
/// with it (by the contact channel). Recorded in the ledger with the hash of what was disclosed, so both sides can
/// later show who knew what, and when.
/// </summary>
internal static class DeconflictAckCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var theirs = new Argument<string>("THEIRS") { Description = "The partner's notice." };
        var ours = new Argument<string>("OURS") { Description = "Our notice or protected site it conflicts with." };
        var actor = OperatorOption.Create();
        var command = new Command("ack", "Acknowledge a current conflict between a partner's notice and ours (recorded in the ledger).") { theirs, ours, actor };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var state = DeconflictionState.Load(store, MinimaFile.Load(home.Directory));
            var theirId = parse.GetValue(theirs)!;
            var ourId = parse.GetValue(ours)!;
            var partner = state.RemoteOf(theirId)?.ToUpperInvariant()
                ?? throw new CliException(ExitCodes.Rejected, $"{theirId} is not a partner's notice here: see 'liaison deconflict list'");
            var subject = state.Index.Find(theirId) ?? throw new CliException(ExitCodes.Rejected, $"no notice {theirId}");
            var conflict = state.Index.Check(subject).FirstOrDefault(c => c.Other.Id == ourId)
                ?? throw new CliException(ExitCodes.Rejected, $"{theirId} does not conflict with {ourId} (any more): nothing to acknowledge");
            var disclosure = conflict.Disclosure.ToJson();
            var by = OperatorOption.Resolve(parse.GetValue(actor), environment);
            using (var batch = store.BeginBatch())
            {
                batch.AppendLedger(new LedgerEntry(LedgerEntryKind.DeconflictionAcknowledgement, StixTimestamp.UnixMicrosecondsOf(SystemClock.Instance.UtcNow), partner,
                    theirId, null, $"{ourId} acknowledged by {by}", ConflictDisclosure.HashOf(disclosure)));
                batch.Commit();
            }

            output.Success($"Conflict of {partner}'s {theirId} with {ourId} acknowledged by {by} (ledger)");
            output.Result(new JsonObject { ["theirs"] = theirId, ["ours"] = ourId, ["partner"] = partner, ["by"] = by, ["disclosure"] = disclosure });
            return ExitCodes.Ok;
        });
        return command;
    }
}
