using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Claims;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison incident claims ID...</c> and <c>liaison incident claim add ID ...</c>: casualty claims side by side, graded and reconciled.</summary>
internal static class IncidentCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("incident", "Incidents and their casualty claims.");
        command.Subcommands.Add(Claims(globals, environment));
        var claim = new Command("claim", "Casualty claims of an incident.");
        claim.Subcommands.Add(IncidentClaimAdd.Create(globals, environment));
        command.Subcommands.Add(claim);
        return command;
    }

    private static Command Claims(GlobalOptions globals, CliEnvironment environment)
    {
        var ids = new Argument<string[]>("INCIDENT_ID") { Description = "The incident, and any other incident describing the same event (e.g. a partner's).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("claims", "Show every source's claim side by side with its grade, and the reconciled low/best/high, conservative figure and dispute flag (see docs/claims.md).") { ids };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var claims = new List<CasualtyClaim>();
            foreach (var id in parse.GetValue(ids)!)
            {
                claims.AddRange(IncidentClaims.Read(LatestIncident(store, id)));
            }

            var sources = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
            JsonElement? Source(string id) => sources.TryGetValue(id, out var found) ? found : sources[id] = store.Get(id)?.ToJsonElement();
            var view = ClaimReconciler.Reconcile(claims, id => Source(id) is { } identity ? IncidentClaims.ReliabilityOf(identity) : null);

            output.Table($"{view.Claims.Count} claim(s)", ["#", "source", "grade", "confidence", "killed", "injured", "reported", "counted", "wording", "recorded in"],
                view.Claims.Select((c, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), SourceName(Source(c.Claim.SourceRef), c.Claim.SourceRef), c.Grade.Code,
                    c.Grade.Confidence?.ToString(CultureInfo.InvariantCulture) ?? "-", c.Claim.Killed.ToString(), c.Claim.Injured.ToString(),
                    c.Claim.ReportedAt.Text, Counted(view, i), c.Claim.Quote ?? string.Empty, Provenance(c.Claim.Provenance),
                ]));
            output.Table("reconciled (UCDP low/best/high, ACLED conservative and dispute)", ["figure", "low", "best", "high", "conservative", "disputed", "basis"],
                [Row(view.Killed), Row(view.Injured)]);
            output.Result(ToJson(view, Source));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The latest version of an incident, or a clear error (exit 1) when it is not stored or not an incident.</summary>
    public static JsonElement LatestIncident(SqliteStixStore store, string id)
    {
        var stored = store.Get(id) ?? throw new CliException(ExitCodes.Rejected, $"no object {id} in this node");
        return stored.Type == "incident" ? stored.ToJsonElement() : throw new CliException(ExitCodes.Rejected, $"{id} is a {stored.Type}, not an incident");
    }

    private static string Counted(ReconciledClaims view, int index) =>
        string.Join(", ", new[] { view.Killed, view.Injured }.Where(e => e.Counted.Contains(index)).Select(e => e.Casualty == Casualty.Killed ? "killed" : "injured")) is { Length: > 0 } counted ? counted : "-";

    private static IReadOnlyList<string> Row(FigureEstimate estimate) =>
    [
        estimate.Casualty == Casualty.Killed ? "killed" : "injured", Text(estimate.Low), Text(estimate.Best), Text(estimate.High), Text(estimate.Conservative),
        estimate.Basis is null ? "-" : estimate.Disputed ? "DISPUTED" : "no", estimate.Basis?.ToString().ToLowerInvariant() ?? "no figure given",
    ];

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string SourceName(JsonElement? identity, string id) =>
        identity is { } json && json.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : id;

    private static string Provenance(ClaimProvenance? provenance) =>
        provenance is null ? "-" : $"{provenance.IncidentId} {provenance.IncidentVersion} by {provenance.RecordedByRef ?? "-"}";

    private static JsonObject ToJson(ReconciledClaims view, Func<string, JsonElement?> source) => new()
    {
        ["claims"] = new JsonArray([.. view.Claims.Select(c =>
        {
            var json = IncidentClaims.ToJson(c.Claim);
            json["source_name"] = SourceName(source(c.Claim.SourceRef), c.Claim.SourceRef);
            json["grade"] = c.Grade.Code;
            json["confidence"] = c.Grade.Confidence;
            json["standing"] = c.Grade.Standing.ToString().ToLowerInvariant();
            json["provenance"] = c.Claim.Provenance is { } p
                ? new JsonObject { ["incident_id"] = p.IncidentId, ["incident_version"] = p.IncidentVersion, ["recorded_by_ref"] = p.RecordedByRef, ["index"] = p.Index }
                : null;
            return (JsonNode)json;
        })]),
        ["killed"] = ToJson(view.Killed),
        ["injured"] = ToJson(view.Injured),
    };

    private static JsonObject ToJson(FigureEstimate estimate) => new()
    {
        ["low"] = estimate.Low,
        ["best"] = estimate.Best,
        ["high"] = estimate.High,
        ["conservative"] = estimate.Conservative,
        ["disputed"] = estimate.Disputed,
        ["basis"] = estimate.Basis?.ToString().ToLowerInvariant(),
        ["counted"] = new JsonArray([.. estimate.Counted.Select(i => (JsonNode)JsonValue.Create(i))]),
        ["best_from"] = estimate.BestFrom,
    };
}
