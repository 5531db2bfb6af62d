using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Deconfliction;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Deconfliction;
using Liaison.Storage.Ingest;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison deconflict add|check|list|conflicts</c>: activity notices and protected sites as 4-D volumes, checked
/// against our notices, partners' notices and protected sites. Exit codes: 0 no conflict, 1 input rejected (nothing
/// stored), 2 usage, 3 node, <see cref="ConflictsFound"/> conflicts found (<c>add</c> has stored the input).
/// </summary>
internal static class DeconflictCommand
{
    /// <summary>The exit code when conflicts were found: the check ran and there is something to coordinate.</summary>
    public const int ConflictsFound = 4;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("deconflict", "Planned activities (air, sea, land) and protected sites: check for conflicts, store, list.");
        command.Subcommands.Add(CheckOrAdd(globals, environment, store: true));
        command.Subcommands.Add(CheckOrAdd(globals, environment, store: false));
        command.Subcommands.Add(List(globals, environment));
        command.Subcommands.Add(Conflicts(globals, environment));
        command.Subcommands.Add(DeconflictAckCommand.Create(globals, environment));
        return command;
    }

    private static Command CheckOrAdd(GlobalOptions globals, CliEnvironment environment, bool store)
    {
        var file = new Argument<string>("FILE") { Description = "An activity notice or protected site: one STIX object, a bundle (.json) or JSON Lines (.jsonl)." };
        var command = store
            ? new Command("add", $"Check a notice or protected site against everything stored, then store it. Exit 0: stored, no conflict; {ConflictsFound}: stored, conflicts listed; 1: rejected, nothing stored.") { file }
            : new Command("check", $"Dry run: would this notice or site conflict, and with what? Nothing is stored. Exit 0: no conflict; {ConflictsFound}: conflicts; 1: invalid input.") { file };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var path = Path.Combine(environment.WorkingDirectory, parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                throw new CliException(ExitCodes.Usage, $"{parse.GetValue(file)}: no such file");
            }

            var input = NoticeInput.Read(path);
            if (input.Errors.Count > 0)
            {
                return Rejected(output, parse.GetValue(file)!, input.Errors);
            }

            using var sqlite = home.OpenStore();
            var state = DeconflictionState.Load(sqlite, MinimaFile.Load(home.Directory));
            var conflicts = new List<Conflict>();
            foreach (var subject in input.Subjects)
            {
                conflicts.AddRange(state.Index.Check(subject));

                // Later objects of the same input are checked against the earlier ones too.
                state.Index.Upsert(subject);
            }

            if (store && Store(sqlite, input, output, parse.GetValue(file)!) is { } rejected)
            {
                return rejected;
            }

            // Our notice changed: partners whose notices it meets, or met, are told (or told it is over).
            var reports = store
                ? ConflictReports.Reconcile(sqlite, state, conflicts.Where(c => c.Other.Kind == SubjectKind.PartnerNotice).Select(c => c.Other.Id),
                    home.LoadConfig().IdentityId, SystemClock.Instance.UtcNow, recheckReported: true)
                : [];
            Report(output, input, conflicts, state, store, reports);
            return conflicts.Count > 0 ? ConflictsFound : ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var activeAt = new Option<string?>("--active-at") { Description = "Keep what is active at this instant (RFC 3339 UTC, or a date YYYY-MM-DD)." };
        var bbox = new Option<string?>("--bbox") { Description = "Keep what reaches into minLon,minLat,maxLon,maxLat (minLon > maxLon crosses the antimeridian)." };
        var command = new Command("list", "List stored notices (ours and partners') and protected sites, cancelled ones left out.") { activeAt, bbox };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var filter = QueryCommand.Build([], parse.GetValue(activeAt), null, parse.GetValue(bbox), null, null, 1, false);
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var sqlite = home.OpenStore();
            var state = DeconflictionState.Load(sqlite, MinimaFile.Load(home.Directory));
            var subjects = state.Index.Query(filter.Box, filter.Since);
            output.Table($"{subjects.Count} notice(s) and site(s)", DeconflictionRows.SubjectHeaders, subjects.Select(s => DeconflictionRows.SubjectRow(s, state)));
            WarnUnreadable(output, state);
            output.Result(new JsonObject
            {
                ["count"] = subjects.Count,
                ["subjects"] = new JsonArray(subjects.Select(s => (JsonNode)DeconflictionRows.SubjectJson(s, state)).ToArray()),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Conflicts(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("conflicts", $"Every current conflict of our notices with our other notices, partners' notices and protected sites, and the conflict reports partners sent us about our notices. Exit 0: none; {ConflictsFound}: some.");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var sqlite = home.OpenStore();
            var state = DeconflictionState.Load(sqlite, MinimaFile.Load(home.Directory));
            var ours = state.Index.Subjects.Where(s => s.Kind == SubjectKind.OwnNotice).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
            var seen = new HashSet<(string, string)>();
            var conflicts = new List<Conflict>();
            foreach (var conflict in ours.SelectMany(state.Index.Check))
            {
                // Two of our notices meet once, not once from each side.
                var key = string.CompareOrdinal(conflict.Subject.Id, conflict.Other.Id) < 0 ? (conflict.Subject.Id, conflict.Other.Id) : (conflict.Other.Id, conflict.Subject.Id);
                if (seen.Add(key))
                {
                    conflicts.Add(conflict);
                }
            }

            output.Table($"{conflicts.Count} conflict(s)", DeconflictionRows.ConflictHeaders, conflicts.Select(c => DeconflictionRows.ConflictRow(c, state)));
            // What partners found with our notices, from their side (their exact volumes against our released ones).
            var received = ReceivedConflictReport.All(sqlite);
            output.Table($"{received.Count} conflict report(s) from partners", DeconflictionRows.ReceivedHeaders, received.Select(DeconflictionRows.ReceivedRow));
            WarnUnreadable(output, state);
            output.Result(new JsonObject
            {
                ["conflicts"] = new JsonArray(conflicts.Select(c => (JsonNode)DeconflictionRows.ConflictJson(c, state)).ToArray()),
                ["reports_received"] = new JsonArray(received.Select(r => (JsonNode)DeconflictionRows.ReceivedJson(r)).ToArray()),
            });
            return conflicts.Count > 0 || received.Count > 0 ? ConflictsFound : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Stores the input in one transaction through the ingest pipeline (markings, versions); null when stored.</summary>
    private static int? Store(SqliteStixStore sqlite, NoticeInput input, CliOutput output, string name)
    {
        var ingestor = new StixIngestor(sqlite, new StixValidator(LiaisonExtensions.Instance));
        var report = ingestor.Ingest(name, new MemoryStream(input.JsonLines), InputFormat.JsonLines, new IngestOptions());
        return report.Committed ? null : Rejected(output, name, report.Errors);
    }

    private static int Rejected(CliOutput output, string name, IReadOnlyList<Liaison.Core.Stix.StixError> errors)
    {
        foreach (var error in errors)
        {
            output.Warning($"{name}: {error}");
        }

        output.Failure($"{name} rejected: nothing stored");
        output.Result(new JsonObject
        {
            ["stored"] = false,
            ["error"] = $"{name} rejected: nothing stored",
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
            {
                ["object_index"] = e.ObjectIndex,
                ["object_id"] = e.ObjectId,
                ["line"] = e.Line,
                ["path"] = e.Path,
                ["reason"] = e.Reason,
            }).ToArray()),
        });
        return ExitCodes.Rejected;
    }

    private static void Report(CliOutput output, NoticeInput input, List<Conflict> conflicts, DeconflictionState state, bool stored, IReadOnlyList<ConflictReportChange> reports)
    {
        output.Table($"{input.Subjects.Count} notice(s) and site(s) {(stored ? "stored" : "checked, nothing stored")}", DeconflictionRows.SubjectHeaders, input.Subjects.Select(s => DeconflictionRows.SubjectRow(s, null)));
        if (conflicts.Count == 0)
        {
            output.Success("no conflict");
        }
        else
        {
            output.Table($"{conflicts.Count} conflict(s)", DeconflictionRows.ConflictHeaders, conflicts.Select(c => DeconflictionRows.ConflictRow(c, state)));
        }

        if (reports.Count > 0)
        {
            output.Table($"{reports.Count} conflict report(s) for partners (they go out with the next release, if the agreement allows conflict-report)",
                DeconflictionRows.ReportChangeHeaders, reports.Select(DeconflictionRows.ReportChangeRow));
        }

        WarnUnreadable(output, state);
        output.Result(new JsonObject
        {
            ["stored"] = stored,
            ["subjects"] = new JsonArray(input.Subjects.Select(s => (JsonNode)DeconflictionRows.SubjectJson(s, null)).ToArray()),
            ["conflicts"] = new JsonArray(conflicts.Select(c => (JsonNode)DeconflictionRows.ConflictJson(c, state)).ToArray()),
            ["conflict_reports_written"] = new JsonArray(reports.Select(r => (JsonNode)DeconflictionRows.ReportChangeJson(r)).ToArray()),
        });
    }

    private static void WarnUnreadable(CliOutput output, DeconflictionState state)
    {
        foreach (var error in state.Unreadable)
        {
            output.Warning($"stored object not deconflicted: {error}");
        }
    }
}
