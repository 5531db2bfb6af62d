using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Ingest;
using Liaison.Storage.Sqlite;
using Spectre.Console;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison ingest PATH...</c>: validate and store bundles and JSON Lines files, one transaction per input.</summary>
internal static class IngestCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders of .json bundles and .jsonl objects, or '-' for standard input.", Arity = ArgumentArity.OneOrMore };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Store the valid objects of an input that has invalid ones (default: reject the input whole)." };
        var format = new Option<string?>("--format") { Description = "Layout of the input: bundle or jsonl (default: by extension; sniffed on standard input)." };
        format.AcceptOnlyFromAmong("bundle", "jsonl");
        var command = new Command("ingest", "Validate and store STIX 2.1 objects. Exit 0: all stored; 1: some input rejected; 2: usage.") { paths, skipInvalid, format };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            InputFormat? forced = parse.GetValue(format) switch { "bundle" => InputFormat.Bundle, "jsonl" => InputFormat.JsonLines, _ => null };
            var inputs = InputFiles.Expand(parse.GetValue(paths)!, environment.WorkingDirectory, forced);
            using var store = home.OpenStore();
            var options = new IngestOptions { SkipInvalid = parse.GetValue(skipInvalid) };
            var reports = Run(store, inputs, options, environment, output);
            var textStopwatch = Stopwatch.StartNew();
            store.CatchUpTextIndex();
            Summarise(output, reports, textStopwatch.Elapsed);
            return reports.Any(r => r.Rejected > 0 || r.Unreadable) ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }

    public static List<IngestReport> Run(SqliteStixStore store, IReadOnlyList<(string Path, InputFormat? Format)> inputs, IngestOptions options, CliEnvironment environment, CliOutput output)
    {
        var ingestor = new StixIngestor(store, new StixValidator(LiaisonExtensions.Instance));
        var reports = new List<IngestReport>();
        foreach (var (path, format) in inputs)
        {
            if (path == InputFiles.Stdin)
            {
                var (sniffed, replay) = format is { } given ? (given, environment.Stdin) : InputFiles.Sniff(environment.Stdin);
                reports.Add(ingestor.Ingest(InputFiles.Stdin, replay, sniffed, options));
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var name = Path.GetRelativePath(environment.WorkingDirectory, path);
            if (output.Terminal is { } terminal)
            {
                IngestReport? report = null;
                terminal.Progress().AutoClear(true).Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, stream.Length));
                    report = ingestor.Ingest(name, stream, format!.Value, options, new Progress<long>(_ => task.Value = stream.Position));
                    task.Value = task.MaxValue;
                });
                reports.Add(report!);
            }
            else
            {
                reports.Add(ingestor.Ingest(name, stream, format!.Value, options));
            }
        }

        return reports;
    }

    private static void Summarise(CliOutput output, List<IngestReport> reports, TimeSpan textIndexing)
    {
        output.Table("Ingest", ["input", "new", "updated", "unchanged", "rejected", "outcome"],
            reports.Select(r => (IReadOnlyList<string>)[r.Source, $"{r.New}", $"{r.Updated}", $"{r.Unchanged}", $"{r.Rejected}", Outcome(r)]));
        foreach (var report in reports)
        {
            foreach (var error in report.Errors)
            {
                output.Warning($"{report.Source}: {error}");
            }

            if (report.UnlistedErrors > 0)
            {
                output.Warning($"{report.Source}: {report.UnlistedErrors} more error(s) not listed");
            }
        }

        output.Result(new JsonObject
        {
            ["inputs"] = new JsonArray(reports.Select(r => (JsonNode)new JsonObject
            {
                ["source"] = r.Source,
                ["new"] = r.New,
                ["updated"] = r.Updated,
                ["unchanged"] = r.Unchanged,
                ["rejected"] = r.Rejected,
                ["stored"] = r.Committed,
                ["errors"] = new JsonArray(r.Errors.Select(e => (JsonNode)new JsonObject
                {
                    ["object_index"] = e.ObjectIndex,
                    ["object_id"] = e.ObjectId,
                    ["line"] = e.Line,
                    ["path"] = e.Path,
                    ["reason"] = e.Reason,
                }).ToArray()),
                ["unlisted_errors"] = r.UnlistedErrors,
            }).ToArray()),
            ["text_index_seconds"] = Math.Round(textIndexing.TotalSeconds, 3),
        });
    }

    private static string Outcome(IngestReport report) =>
        report.Committed
            ? report.Rejected > 0 ? "stored, invalid objects skipped" : "stored"
            : "rejected whole: nothing stored";
}
