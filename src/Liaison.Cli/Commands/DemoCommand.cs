using System.CommandLine;
using System.Text.Json;
using Liaison.Cli.Demo;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Extensions;
using Liaison.Core.Geo;
using Liaison.Storage;
using Liaison.Storage.Ingest;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison demo</c>: act 1, a French node loaded with the STIX rendering of the founding article (the Le
/// Drian–Shoigu meeting, the groups it names, the four incident sites with SANA's and OSDH's differing figures, the
/// article itself) and the queries a liaison officer would run; act 2, a Russian node beside it, both serving TAXII on
/// loopback, exchanging under their agreements and proving it (<see cref="DemoExchange"/>). Every step checks its
/// result; the exit code is 0 only if all pass.
/// </summary>
internal static class DemoCommand
{
    private const string SeedResource = "Liaison.Cli.Demo.seed.json";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var keep = new Option<string?>("--keep") { Description = "Build the two nodes in DIR/fra and DIR/rus (DIR must be new or empty) and keep them, to explore with --home." };
        var command = new Command("demo", "The founding article's scenario: a French node queried, then French and Russian nodes exchanging under their agreements.") { keep };
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var kept = parse.GetValue(keep);
            var directory = kept is not null ? Path.Combine(environment.WorkingDirectory, kept) : Path.Combine(Path.GetTempPath(), $"liaison-demo-{Guid.NewGuid():N}");
            if (kept is not null && Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new CliException(ExitCodes.NodeError, $"{directory} is not empty: the demo builds its two nodes in a new or empty folder (choose another --keep)");
            }

            try
            {
                return await Run(output, directory, cancel).ConfigureAwait(false);
            }
            finally
            {
                if (kept is null && Directory.Exists(directory))
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(directory, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<int> Run(CliOutput output, string directory, CancellationToken cancel)
    {
        var checks = new DemoChecks(output);
        var fra = new NodeHome(Path.Combine(directory, "fra"));
        var rus = new NodeHome(Path.Combine(directory, "rus"));
        output.Heading("Liaison demo: 'La France et la Russie vont échanger des informations militaires' (AFP, December 2015)");
        output.Heading("Act 1: the French node and what it holds");
        var config = InitCommand.Initialise(fra, "FRA - Ministère des Armées (demo)");
        output.Line($"A node for {config.Name} in {fra.Directory}, identity {config.IdentityId}.");
        using (var store = fra.OpenStore())
        {
            QueryFrance(store, output, checks);
        }

        await DemoExchange.RunAsync(output, checks, fra, rus, cancel).ConfigureAwait(false);
        output.Heading("Summary");
        return checks.Finish(directory);
    }

    private static void QueryFrance(SqliteStixStore store, CliOutput output, DemoChecks checks)
    {
        var report = IngestSeed(store, output);
        checks.Expect(report.Committed && report.Rejected == 0, $"the article's STIX rendering ingested: {report.New} objects, none rejected");

        output.Heading("What the node holds");
        var stats = store.Statistics();
        output.Table(null, ["type", "objects"], stats.ByType.Select(t => (IReadOnlyList<string>)[t.Type, $"{t.Count}"]));

        var claims = ShowClaims(store, output);
        checks.Expect(claims.Count >= 4, $"four incident sites with their sources' figures ({claims.Count} incidents)");
        checks.Expect(Has(claims, "Suqaylabiyah", "SANA", killed: 2, injured: 8), "Suqaylabiyah: SANA says 2 killed and 8 injured");
        checks.Expect(Has(claims, "Suqaylabiyah", "OSDH", killed: null, injured: 25), "Suqaylabiyah: OSDH says 25 injured (no figure for the dead)");
        checks.Expect(Has(claims, "Barza", "SANA", killed: 1, injured: 9), "Barza: SANA says 1 killed and 9 injured");

        output.Heading("Within 60 km of Hama (35.13 N, 36.75 E)");
        var nearHama = Show(store.Query(new ObjectQuery { Near = new GeoPoint(35.1318, 36.7578), NearKm = 60 }), output);
        checks.Expect(nearHama.Any(o => o.Type == "incident" && Label(o).Contains("Suqaylabiyah", StringComparison.Ordinal)), "the Suqaylabiyah incident is found by distance");
        checks.Expect(!nearHama.Any(o => Label(o).Contains("Barza", StringComparison.Ordinal)), "Damascus (Barza, 190 km away) is not");

        output.Heading("Incidents in a box over Aleppo (36.9,36.0 to 37.4,36.4)");
        var aleppo = Show(store.Query(new ObjectQuery { Box = new GeoBox(36.9, 36.0, 37.4, 36.4), Types = ["incident"] }), output);
        checks.Expect(aleppo.Count == 2, $"two incidents in Aleppo (found {aleppo.Count})");

        output.Heading("Full-text search: \"Jaysh al-Islam\"");
        var jaysh = Show(store.Query(new ObjectQuery { Text = "Jaysh al-Islam" }), output);
        checks.Expect(jaysh.Any(o => o.Type is "intrusion-set" or "threat-actor"), "the group named by SANA is found by its name");

        output.Heading("Full-text search in French: \"Armée de l'islam\"");
        var armee = Show(store.Query(new ObjectQuery { Text = "Armée de l'islam" }), output);
        checks.Expect(armee.Any(o => o.Type is "intrusion-set" or "threat-actor"), "and by its French alias");
    }

    private static IngestReport IngestSeed(SqliteStixStore store, CliOutput output)
    {
        using var seed = typeof(DemoCommand).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"the demo seed {SeedResource} is missing from the build");
        var ingestor = new StixIngestor(store, new Liaison.Core.Validation.StixValidator(LiaisonExtensions.Instance));
        var report = ingestor.Ingest("seed.json", seed, InputFormat.Bundle, new IngestOptions());
        store.CatchUpTextIndex();
        foreach (var error in report.Errors)
        {
            output.Warning(error.ToString());
        }

        return report;
    }

    private sealed record Claim(string Incident, string Source, int? Killed, int? Injured, string? KilledText, string? InjuredText);

    private static List<List<Claim>> ShowClaims(SqliteStixStore store, CliOutput output)
    {
        output.Heading("One event, several sources: casualty claims side by side (never merged)");
        var incidents = store.Query(new ObjectQuery { Types = ["incident"], Limit = 1000 });
        var all = new List<List<Claim>>();
        foreach (var incident in incidents.OrderBy(i => Label(i), StringComparer.Ordinal))
        {
            var json = incident.ToJsonElement();
            if (!json.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty(LiaisonExtensions.CasualtyClaimsId, out var body))
            {
                continue;
            }

            var claims = new List<Claim>();
            foreach (var claim in body.GetProperty("claims").EnumerateArray())
            {
                var sourceId = claim.GetProperty("source_ref").GetString()!;
                var source = store.Get(sourceId) is { } stored ? Label(stored) : sourceId;
                claims.Add(new Claim(Label(incident), source, Number(claim, "killed"), Number(claim, "injured"), Text(claim, "killed_text"), Text(claim, "injured_text")));
            }

            all.Add(claims);
        }

        output.Table(null, ["incident", "source", "killed", "injured"],
            all.SelectMany(c => c).Select(c => (IReadOnlyList<string>)[c.Incident, c.Source, Figure(c.Killed, c.KilledText), Figure(c.Injured, c.InjuredText)]));
        return all;
    }

    private static bool Has(List<List<Claim>> incidents, string place, string source, int? killed, int? injured) =>
        incidents.SelectMany(c => c).Any(c =>
            c.Incident.Contains(place, StringComparison.Ordinal) && c.Source.Contains(source, StringComparison.Ordinal)
            && c.Killed == killed && c.Injured == injured);

    private static IReadOnlyList<StoredObject> Show(IReadOnlyList<StoredObject> results, CliOutput output)
    {
        output.Table($"{results.Count} object(s)", ["type", "name", "id"], results.Select(r => (IReadOnlyList<string>)[r.Type, Label(r), r.Id]));
        return results;
    }

    private static string Label(StoredObject stored) => ObjectRows.Label(stored.ToJsonElement());

    private static int? Number(JsonElement claim, string name) =>
        claim.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static string? Text(JsonElement claim, string name) =>
        claim.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Figure(int? number, string? words) =>
        number is { } n ? (words is null ? $"{n}" : $"{n} (\"{words}\")") : words is null ? "-" : $"\"{words}\"";
}
