using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Deconfliction;
using Liaison.Storage.Deconfliction;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Agreements;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Server.Client;
using Liaison.Server.Sync;
using Liaison.Core.Ledger;
using Liaison.Storage.Partners;
using Liaison.Storage.Release;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison sync PARTNER</c>: publish what the agreement allows to the partner's outbound collection, then pull what
/// the partner released to us, through our inbound rules (refused objects go to quarantine).
/// </summary>
internal static class SyncCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var actor = OperatorOption.Create();
        var command = new Command("sync", "Release to a partner what its agreement allows, then pull what it released to us.") { partner, actor };
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var info = PartnerCommand.Find(store, parse.GetValue(partner)!);
            var released = ReleaseCommand.RunFor(store, home, info, OperatorOption.Resolve(parse.GetValue(actor), environment));
            var releasedJson = ReleaseReport.Write(output, released, preview: false);

            var (pulled, checks, sent, receiptProblem, arrival, inclusion) = await PullFrom(store, home, info, cancel).ConfigureAwait(false);
            var conflicts = arrival.Conflicts;
            foreach (var failure in inclusion.Failures)
            {
                output.Error($"{info.Code}'s log does not hold what it sent: {failure}");
            }

            if (inclusion.Unproven.Count > 0)
            {
                output.Warning($"{inclusion.Unproven.Count} object(s) from {info.Code} not yet proved in its log (their checkpoint has not arrived): {string.Join(", ", inclusion.Unproven.Take(3))}");
            }

            if (conflicts.Count > 0)
            {
                output.Table($"{conflicts.Count} conflict(s) between {info.Code}'s notices and ours (recorded in the ledger)", ["their notice", "our notice or site", "shared with both sides"],
                    conflicts.Select(c => (IReadOnlyList<string>)[c.Theirs, c.Ours, c.Disclosure.ToJsonString()]));
            }

            if (arrival.Reports.Count > 0)
            {
                output.Table($"{arrival.Reports.Count} conflict report(s) for {info.Code} (they go out with the next release, if the agreement allows conflict-report)",
                    DeconflictionRows.ReportChangeHeaders, arrival.Reports.Select(DeconflictionRows.ReportChangeRow));
            }

            var reportsReceived = pulled.SelectMany(r => r.ConflictReports).Distinct().ToList();
            if (reportsReceived.Count > 0)
            {
                output.Line($"{reportsReceived.Count} conflict report(s) from {info.Code} about our notices (recorded in the ledger; see 'deconflict conflicts')");
            }

            if (receiptProblem is not null)
            {
                output.Warning($"our receipts could not be sent to {info.Code} (they are in our ledger; the next sync sends new ones): {receiptProblem}");
            }

            foreach (var check in checks.Where(c => !c.IsAccepted))
            {
                output.Error($"{info.Code}'s ledger checkpoint refused: {check.Message}");
            }

            output.Table($"Received from {info.Code}", ["collection", "new", "updated", "unchanged", "quarantined", "rejected"],
                pulled.Select(r => (IReadOnlyList<string>)[r.CollectionId, $"{r.New}", $"{r.Updated}", $"{r.Unchanged}", $"{r.Quarantined}", $"{r.Rejected}"]));
            foreach (var error in pulled.SelectMany(r => r.Errors))
            {
                output.Warning(error.ToString());
            }

            output.Result(new JsonObject
            {
                ["partner"] = info.Code,
                ["receipts_sent"] = sent,
                ["inclusion"] = new JsonObject
                {
                    ["proven"] = inclusion.Proven,
                    ["unproven"] = new JsonArray(inclusion.Unproven.Select(u => (JsonNode)u).ToArray()),
                    ["failures"] = new JsonArray(inclusion.Failures.Select(f => (JsonNode)f).ToArray()),
                },
                ["conflicts"] = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject { ["theirs"] = c.Theirs, ["ours"] = c.Ours, ["disclosure"] = c.Disclosure.DeepClone() }).ToArray()),
                ["conflict_reports_written"] = new JsonArray(arrival.Reports.Select(r => (JsonNode)DeconflictionRows.ReportChangeJson(r)).ToArray()),
                ["conflict_reports_received"] = new JsonArray(reportsReceived.Select(r => (JsonNode)r).ToArray()),
                ["checkpoints"] = new JsonObject
                {
                    ["accepted"] = checks.Count(c => c.IsAccepted),
                    ["refused"] = new JsonArray(checks.Where(c => !c.IsAccepted).Select(c => (JsonNode)new JsonObject { ["outcome"] = c.Outcome.ToString(), ["message"] = c.Message }).ToArray()),
                },
                ["release"] = releasedJson,
                ["received"] = new JsonArray(pulled.Select(r => (JsonNode)new JsonObject
                {
                    ["collection"] = r.CollectionId, ["new"] = r.New, ["updated"] = r.Updated, ["unchanged"] = r.Unchanged,
                    ["quarantined"] = r.Quarantined, ["rejected"] = r.Rejected,
                }).ToArray()),
            });
            // A fork or a forged checkpoint means the partner's history cannot be trusted: the loudest failure there is.
            return checks.Any(c => !c.IsAccepted) || inclusion.Failures.Count > 0 ? ExitCodes.NodeError
                : released.Count(ReleaseAction.Fail) > 0 || pulled.Any(r => r.Rejected > 0) ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Pulls what the partner released to us through our inbound rules, checks its checkpoints and sends back our
    /// signed receipts: the receiving half of a sync.
    /// </summary>
    internal static async Task<(IReadOnlyList<PullReport> Pulled, IReadOnlyList<CheckpointCheck> Checks, int ReceiptsSent, string? ReceiptProblem, NoticeArrivalOutcome Arrival, Inclusion Inclusion)> PullFrom(
        SqliteStixStore store, NodeHome home, PartnerInfo info, CancellationToken cancel)
    {
        if (!new RemoteRegistry(home).All().TryGetValue(info.Code, out var remote))
        {
            throw new CliException(ExitCodes.Rejected, $"cannot pull from {info.Code}: no credentials for its node; add them with 'liaison remote add {info.Code} --url {info.DiscoveryUrl} --token-stdin'");
        }

        var accept = store.FindAgreement(info.Code) is { } record ? AgreementParser.Parse(record.Text).Accept : InboundRules.Nothing;
        using var checkpointer = new WalCheckpointer(store.Path, TimeSpan.FromMilliseconds(250));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var signer = home.LoadSigner();
        using var key = signer.Key;
        var client = new TaxiiClient(http, remote.Credentials());
        var service = new PullService(store, client, new StixValidator(LiaisonExtensions.Instance), SystemClock.Instance)
        {
            Inbound = new InboundGate(info.Code, accept),
            Receipts = signer,
        };
        IReadOnlyList<PullReport> pulled;
        try
        {
            pulled = await service.PullAsync(info.Code, new Uri(remote.DiscoveryUrl), null, cancel).ConfigureAwait(false);
        }
        catch (TaxiiClientException ex)
        {
            throw new CliException(ExitCodes.NodeError, $"the pull from {info.Code} failed: {ex.Message}");
        }

        store.CatchUpTextIndex();
        var checks = CheckpointIntake.Accept(store, info, pulled.SelectMany(r => r.Checkpoints));
        var proof = InclusionCheck.Run(pulled.SelectMany(r => r.Checkpoints), info.PublicKey);
        var received = pulled.SelectMany(r => r.ReceivedObjects).ToList();
        var inclusion = new Inclusion(received.Count(o => proof.Proven.Contains(o.ContentHash)),
            received.Where(o => !proof.Proven.Contains(o.ContentHash)).Select(o => o.ObjectId).ToList(), proof.Failures);
        var conflicts = NoticeArrival.Check(store, MinimaFile.Load(home.Directory), info.Code, pulled.SelectMany(r => r.Notices).Distinct().ToList(),
            home.LoadConfig().IdentityId, SystemClock.Instance.UtcNow);
        try
        {
            var sent = await ReceiptSender.SendAsync(client, new Uri(remote.DiscoveryUrl), pulled.SelectMany(r => r.Receipts).ToList(), cancel).ConfigureAwait(false);
            return (pulled, checks, sent, null, conflicts, inclusion);
        }
        catch (TaxiiClientException ex)
        {
            return (pulled, checks, 0, ex.Message, conflicts, inclusion);
        }
    }

    /// <summary>What a pull proved: objects found in the partner's log, objects not yet covered by a checkpoint, and ranges that failed.</summary>
    internal sealed record Inclusion(int Proven, IReadOnlyList<string> Unproven, IReadOnlyList<string> Failures);
}
