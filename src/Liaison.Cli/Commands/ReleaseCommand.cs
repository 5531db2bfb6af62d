using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Ledger;
using Liaison.Storage.Partners;
using Liaison.Storage.Release;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison release run|queue|approve|reject</c>: what goes to partners, and the four-eyes queue.</summary>
internal static class ReleaseCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("release", "Releases to partners: run the pipeline, and decide on what waits for approval.");
        command.Subcommands.Add(Run(globals, environment));
        command.Subcommands.Add(Queue(globals, environment));
        command.Subcommands.Add(Approve(globals, environment));
        command.Subcommands.Add(Reject(globals, environment));
        return command;
    }

    /// <summary>Runs the release to one partner and shows what it did.</summary>
    internal static ReleaseRunReport RunFor(SqliteStixStore store, NodeHome home, PartnerInfo partner, string actor, bool dryRun = false)
    {
        var signer = home.LoadSigner();
        using var key = signer.Key;
        if (!dryRun)
        {
            // Retention is enforced before anything leaves: a person of interest past its review-by date is purged
            // (and the purge logged), never released.
            store.PurgeExpiredPersons("retention (before release)");
        }

        return AdminSupport.Refusable(() => Pipeline(store, signer).Run(partner, new PartnerSecrets(home).For(partner.Code), actor, dryRun));
    }

    internal static ReleasePipeline Pipeline(SqliteStixStore store, LedgerSigner signer) =>
        new(store, new StixValidator(LiaisonExtensions.Instance), SystemClock.Instance, signer);

    private static Command Run(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var actor = OperatorOption.Create();
        var command = new Command("run", "Release to the partner's outbound collection what its agreement allows now.") { partner, actor };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var info = PartnerCommand.Find(store, parse.GetValue(partner)!);
            var report = RunFor(store, home, info, OperatorOption.Resolve(parse.GetValue(actor), environment));
            output.Result(ReleaseReport.Write(output, report, preview: false));
            return report.Count(ReleaseAction.Fail) > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Queue(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string?>("PARTNER") { Arity = ArgumentArity.ZeroOrOne, Description = "Only this partner's queue." };
        var command = new Command("queue", "List the releases waiting for approval.") { partner };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var code = parse.GetValue(partner) is { } p ? PartnerCommand.Find(store, p).Code : null;
            var pending = store.ReleasesInState(ReleaseState.Pending, code);
            output.Table($"{pending.Count} release(s) awaiting approval", ["id", "partner", "object", "clause", "agreement", "requested by", "requested"],
                pending.Select(r => (IReadOnlyList<string>)[$"{r.Id}", r.Partner, r.SourceId, r.Clause, $"v{r.AgreementVersion}", r.RequestedBy, ObjectRows.Microseconds(r.RequestedAtMicroseconds)]));
            output.Result(new JsonObject
            {
                ["pending"] = new JsonArray(pending.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.Id, ["partner"] = r.Partner, ["source_id"] = r.SourceId, ["clause"] = r.Clause,
                    ["agreement_version"] = r.AgreementVersion, ["requested_by"] = r.RequestedBy, ["requested"] = ObjectRows.Microseconds(r.RequestedAtMicroseconds),
                }).ToArray()),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Approve(GlobalOptions globals, CliEnvironment environment)
    {
        var id = new Argument<long>("ID") { Description = "The release's number, from 'release queue'." };
        var actor = OperatorOption.Create();
        var command = new Command("approve", "Approve a queued release (someone other than who queued it) and send it.") { id, actor };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var release = store.FindRelease(parse.GetValue(id)) ?? throw new CliException(ExitCodes.Rejected, $"no release {parse.GetValue(id)}: see 'liaison release queue'");
            var partner = PartnerCommand.Find(store, release.Partner);
            var signer = home.LoadSigner();
            using var key = signer.Key;
            var pipeline = Pipeline(store, signer);
            var item = AdminSupport.Refusable(() => pipeline.Approve(partner, new PartnerSecrets(home).For(partner.Code), release.Id, OperatorOption.Resolve(parse.GetValue(actor), environment)));
            output.Success($"Release {release.Id} approved: {item.SourceId} went to {partner.Code} as {item.ReleasedId}");
            output.Result(new JsonObject { ["id"] = release.Id, ["partner"] = partner.Code, ["source_id"] = item.SourceId, ["released_id"] = item.ReleasedId, ["released"] = item.Released?.DeepClone() });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Reject(GlobalOptions globals, CliEnvironment environment)
    {
        var id = new Argument<long>("ID");
        var reason = new Option<string>("--reason") { Description = "Why (recorded).", Required = true };
        var actor = OperatorOption.Create();
        var command = new Command("reject", "Refuse a queued release; nothing is sent.") { id, reason, actor };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var release = store.FindRelease(parse.GetValue(id)) ?? throw new CliException(ExitCodes.Rejected, $"no release {parse.GetValue(id)}: see 'liaison release queue'");
            var why = parse.GetValue(reason)!.Trim();
            if (why.Length == 0)
            {
                throw new CliException(ExitCodes.Usage, "--reason must say why");
            }

            var signer = home.LoadSigner();
            using var key = signer.Key;
            var pipeline = Pipeline(store, signer);
            AdminSupport.Refusable(() =>
            {
                pipeline.Reject(PartnerCommand.Find(store, release.Partner), release.Id, OperatorOption.Resolve(parse.GetValue(actor), environment), why);
                return true;
            });
            output.Success($"Release {release.Id} rejected");
            output.Result(new JsonObject { ["id"] = release.Id, ["state"] = "rejected", ["reason"] = why });
            return ExitCodes.Ok;
        });
        return command;
    }
}
