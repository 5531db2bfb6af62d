using System.CommandLine;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Claims;
using Liaison.Core.Stix;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison incident claim add INCIDENT_ID --source ID ...</c>: one more claim, as a new version of the incident; the other claims are untouched.</summary>
internal static class IncidentClaimAdd
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var incident = new Argument<string>("INCIDENT_ID") { Description = "The incident (it must already carry the casualty-claims extension: its event time and place)." };
        var source = new Option<string>("--source") { Description = "The identity id of the source making the claim.", Required = true };
        var killed = new Option<int?>("--killed") { Description = "The number of dead the source gives." };
        var killedText = new Option<string?>("--killed-text") { Description = "The source's own words for the dead when it gives no number (\"plusieurs\", \"dozens\")." };
        var injured = new Option<int?>("--injured") { Description = "The number of injured the source gives." };
        var injuredText = new Option<string?>("--injured-text") { Description = "The source's own words for the injured when it gives no number." };
        var reportedAt = new Option<string>("--reported-at") { Description = "When the source made the claim (RFC 3339 UTC, or a date YYYY-MM-DD).", Required = true };
        var wording = new Option<string?>("--wording") { Description = "The claim as the source wrote it." };
        var credibility = new Option<int?>("--credibility") { Description = "Our Admiralty credibility grade for the information, 1-6." };
        var report = new Option<string?>("--report") { Description = "The id of the report carrying the claim." };
        var command = new Command("add", "Add a source's claim to an incident as a new version; the other claims are never changed.")
        {
            incident, source, killed, killedText, injured, injuredText, reportedAt, wording, credibility, report,
        };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var claim = new CasualtyClaim(
                Id("--source", parse.GetValue(source)!, "identity"),
                Figure("killed", parse.GetValue(killed), parse.GetValue(killedText)),
                Figure("injured", parse.GetValue(injured), parse.GetValue(injuredText)),
                ReportedAt(parse.GetValue(reportedAt)!),
                parse.GetValue(credibility) is { } c and (< 1 or > 6) ? throw new CliException(ExitCodes.Usage, $"--credibility must be 1 to 6, not {c}") : parse.GetValue(credibility),
                parse.GetValue(wording),
                parse.GetValue(report) is { } r ? Id("--report", r, "report") : null);
            if (!claim.Killed.IsStated && !claim.Injured.IsStated)
            {
                throw new CliException(ExitCodes.Usage, "give at least one of --killed, --killed-text, --injured, --injured-text: a claim says something about the dead or the injured");
            }

            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var current = IncidentCommand.LatestIncident(store, parse.GetValue(incident)!);
            if (!IncidentClaims.TryAppend(current, claim, SystemClock.Instance.UtcNow, out var next, out var problem))
            {
                throw new CliException(ExitCodes.Rejected, problem);
            }

            NewObjectWriter.Store(store, next);
            var count = next["extensions"]![Liaison.Core.Extensions.LiaisonExtensions.CasualtyClaimsId]!["claims"]!.AsArray().Count;
            output.Success($"Claim {count} added to {parse.GetValue(incident)}: new version {next["modified"]}");
            output.Result(new System.Text.Json.Nodes.JsonObject { ["id"] = parse.GetValue(incident), ["modified"] = next["modified"]!.DeepClone(), ["claims"] = count });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ReportedFigure Figure(string name, int? number, string? text)
    {
        if (number is not null && text is not null)
        {
            throw new CliException(ExitCodes.Usage, $"give --{name} or --{name}-text, not both: the words are for a source that gave no number");
        }

        if (number is < 0)
        {
            throw new CliException(ExitCodes.Usage, $"--{name} must be 0 or more, not {number}");
        }

        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            throw new CliException(ExitCodes.Usage, $"--{name}-text must not be empty");
        }

        return new ReportedFigure(number, text);
    }

    internal static string Id(string option, string text, string type)
    {
        if (!StixId.TryParse(text, out var id, out var reason))
        {
            throw new CliException(ExitCodes.Usage, $"{option}: {reason}");
        }

        return id.Value.Type == type ? id.Value.Value : throw new CliException(ExitCodes.Usage, $"{option} must be a {type} id, not a {id.Value.Type} id ({text})");
    }

    internal static StixTimestamp ReportedAt(string text) => Instant("--reported-at", text);

    internal static StixTimestamp Instant(string option, string text)
    {
        if (StixTimestamp.TryParse(text, out var timestamp, out var reason))
        {
            return timestamp.Value;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? StixTimestamp.Parse(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z")
            : throw new CliException(ExitCodes.Usage, $"{option} '{text}': {reason}, nor a date YYYY-MM-DD");
    }
}
