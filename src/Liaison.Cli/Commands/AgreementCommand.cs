using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Agreements;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison agreement apply|show|diff|preview</c>: the orientations, as versioned documents.</summary>
internal static class AgreementCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("agreement", "Bilateral agreements: what each partner receives, and what we accept from it.");
        command.Subcommands.Add(Apply(globals, environment));
        command.Subcommands.Add(Show(globals, environment));
        command.Subcommands.Add(Diff(globals, environment));
        command.Subcommands.Add(Preview(globals, environment));
        return command;
    }

    private static Command Apply(GlobalOptions globals, CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "The agreement document (YAML)." };
        var actor = OperatorOption.Create();
        var command = new Command("apply", "Check an agreement document and make it the partner's agreement in force (a new version; every version is kept).") { file, actor };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var path = Path.GetFullPath(parse.GetValue(file)!, environment.WorkingDirectory);
            var text = Read(path);
            if (!AgreementParser.TryParse(text, out var agreement, out var errors))
            {
                foreach (var error in errors)
                {
                    output.Error($"{path}:{error.Line}:{error.Column}: {error.Path}: {error.Message}");
                }

                output.Result(new JsonObject
                {
                    ["file"] = path,
                    ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["line"] = e.Line, ["column"] = e.Column, ["path"] = e.Path, ["message"] = e.Message }).ToArray()),
                });
                return ExitCodes.Rejected;
            }

            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var record = AdminSupport.Refusable(() => store.ApplyAgreement(agreement, OperatorOption.Resolve(parse.GetValue(actor), environment)));

            output.Success($"Agreement with {record.Partner} is now version {record.Version} ({agreement.Release.Count} release clause(s), {agreement.Accept.Kinds.Count} accepted kind(s)); it governs releases from now on");
            output.Result(new JsonObject { ["partner"] = record.Partner, ["version"] = record.Version, ["sha256"] = record.Sha256, ["applied_by"] = record.AppliedBy });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var version = new Option<int?>("--version") { Description = "A former version (default: the one in force)." };
        var command = new Command("show", "Print an agreement as it was applied, and its history.") { partner, version };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var code = PartnerCommand.Find(store, parse.GetValue(partner)!).Code;
            var record = store.FindAgreement(code, parse.GetValue(version))
                ?? throw new CliException(ExitCodes.Rejected, parse.GetValue(version) is { } v ? $"{code} has no agreement version {v}" : $"{code} has no agreement yet: nothing is released to it");
            if (!output.Json)
            {
                output.Heading($"Agreement with {code}, version {record.Version} (applied {ObjectRows.Microseconds(record.AppliedAtMicroseconds)} by {record.AppliedBy}, sha256 {record.Sha256[..16]}…)");
                output.Line(record.Text.TrimEnd());
                output.Table("History", ["version", "applied", "by", "sha256"], store.AgreementHistory(code).Select(h => (IReadOnlyList<string>)[$"{h.Version}", ObjectRows.Microseconds(h.AppliedAtMicroseconds), h.AppliedBy, h.Sha256[..16] + "…"]));
            }

            output.Result(new JsonObject
            {
                ["partner"] = code, ["version"] = record.Version, ["applied"] = ObjectRows.Microseconds(record.AppliedAtMicroseconds),
                ["applied_by"] = record.AppliedBy, ["sha256"] = record.Sha256, ["text"] = record.Text,
                ["versions"] = new JsonArray(store.AgreementHistory(code).Select(h => (JsonNode)h.Version).ToArray()),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var from = new Option<int?>("--from") { Description = "The older version (default: the one before --to)." };
        var to = new Option<int?>("--to") { Description = "The newer version (default: the one in force)." };
        var command = new Command("diff", "Show what changed between two versions of an agreement.") { partner, from, to };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var code = PartnerCommand.Find(store, parse.GetValue(partner)!).Code;
            var history = store.AgreementHistory(code);
            var newer = parse.GetValue(to) is { } t ? history.FirstOrDefault(h => h.Version == t) : history.Count > 0 ? history[^1] : null;
            if (newer is null)
            {
                throw new CliException(ExitCodes.Rejected, parse.GetValue(to) is { } missing ? $"{code} has no agreement version {missing}" : $"{code} has no agreement yet");
            }

            var older = parse.GetValue(from) is { } f ? history.FirstOrDefault(h => h.Version == f) : history.LastOrDefault(h => h.Version < newer.Version);
            if (older is null)
            {
                throw new CliException(ExitCodes.Rejected, parse.GetValue(from) is { } missing ? $"{code} has no agreement version {missing}" : $"version {newer.Version} is the first agreement with {code}: nothing to compare it with");
            }

            var lines = LineDiff.Of(older.Text, newer.Text);
            if (!output.Json)
            {
                output.Heading($"Agreement with {code}: version {older.Version} → {newer.Version}");
                foreach (var line in lines)
                {
                    output.Line(line);
                }
            }

            output.Result(new JsonObject { ["partner"] = code, ["from"] = older.Version, ["to"] = newer.Version, ["lines"] = new JsonArray(lines.Select(l => (JsonNode)l).ToArray()) });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Preview(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var command = new Command("preview", "Dry run: exactly what the partner would receive now, and how it differs from what it has.") { partner };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var info = PartnerCommand.Find(store, parse.GetValue(partner)!);
            var report = ReleaseCommand.RunFor(store, home, info, OperatorOption.Resolve(null, environment), dryRun: true);
            output.Result(ReleaseReport.Write(output, report, preview: true));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > AgreementParser.MaximumLength * 4L)
            {
                throw new CliException(ExitCodes.Rejected, $"{path} is {info.Length:N0} bytes: an agreement document is at most {AgreementParser.MaximumLength:N0} characters");
            }

            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliException(ExitCodes.Usage, $"no file {path}");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliException(ExitCodes.Usage, $"no file {path}");
        }
    }
}
