using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Persons;
using Liaison.Server.Client;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison partner match-key CODE</c> and <c>liaison person match PARTNER</c>: the privacy-preserving question "do
/// you hold a record matching this person?". Both sides hold the same bilateral key; the question is 64 keyed tags
/// of name variants and birth year; the answer is match or no match, nothing else.
/// </summary>
internal static class PersonMatchCommand
{
    /// <summary>The keys the server answers with: the one agreed with each partner, when there is one.</summary>
    public static Func<string, PersonMatchKey?> KeysOf(NodeHome home) =>
        code => new PartnerSecrets(home).MatchKey(code) is { } key ? new PersonMatchKey(key) : null;

    public static Command MatchKey(GlobalOptions globals, CliEnvironment environment)
    {
        var code = new Argument<string>("CODE");
        var generate = new Option<bool>("--generate") { Description = "Make a new random key and print it once (give it to the partner over a trusted channel)." };
        var keyStdin = new Option<bool>("--key-stdin") { Description = "Read the key the partner generated (base64) from standard input." };
        var command = new Command("match-key", "Set the bilateral key for person-match questions with a partner (both sides hold the same key).") { code, generate, keyStdin };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var partner = PartnerCommand.Find(store, parse.GetValue(code)!);
            if (parse.GetValue(generate) == parse.GetValue(keyStdin))
            {
                throw new CliException(ExitCodes.Usage, "give either --generate or --key-stdin");
            }

            byte[] key;
            if (parse.GetValue(generate))
            {
                key = RandomNumberGenerator.GetBytes(PersonMatchKey.MinimumLength);
            }
            else
            {
                var text = AdminSupport.ReadSecretLine(environment).Trim();
                var buffer = new byte[text.Length];
                if (!Convert.TryFromBase64String(text, buffer, out var length) || length < PersonMatchKey.MinimumLength)
                {
                    throw new CliException(ExitCodes.Usage, $"the key read from standard input must be base64 of at least {PersonMatchKey.MinimumLength} bytes");
                }

                key = buffer[..length];
            }

            new PartnerSecrets(home).SetMatchKey(partner.Code, key);
            output.Success($"Person-match key with {partner.Code} set (keys/partners/{partner.Code}.match, readable by the owner only)");
            var json = new JsonObject { ["partner"] = partner.Code };
            if (parse.GetValue(generate))
            {
                output.Line($"Give this key to {partner.Code} over a trusted channel now; it is not shown again: {Convert.ToBase64String(key)}");
                json["key"] = Convert.ToBase64String(key);
            }

            output.Result(json);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Person(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var names = new Option<string[]>("--name") { Description = "A name of the person, in any script (repeat for variants).", Required = true, AllowMultipleArgumentsPerToken = true };
        var year = new Option<int>("--birth-year") { Description = "The year of birth.", Required = true };
        var match = new Command("match", "Ask a partner whether it holds a record matching this person: only match or no match comes back.") { partner, names, year };
        match.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var info = PartnerCommand.Find(store, parse.GetValue(partner)!);
            var answer = await AskAsync(home, info.Code, parse.GetValue(names)!, parse.GetValue(year), cancel).ConfigureAwait(false);
            output.Table($"Asked {info.Code}", ["query", "answer"], [[answer.QueryId, answer.Match ? "match" : "no match"]]);
            output.Result(new JsonObject { ["partner"] = info.Code, ["query_id"] = answer.QueryId, ["match"] = answer.Match });
            return ExitCodes.Ok;
        });
        var command = new Command("person", "Persons of interest shared with partners.");
        command.Subcommands.Add(match);
        return command;
    }

    /// <summary>Builds the keyed question, sends it to the partner's node and reads the one-bit answer.</summary>
    internal static async Task<PersonMatchAnswer> AskAsync(NodeHome home, string partner, IReadOnlyList<string> names, int birthYear, CancellationToken cancel)
    {
        var key = new PartnerSecrets(home).MatchKey(partner)
            ?? throw new CliException(ExitCodes.Rejected, $"no person-match key with {partner}: agree one with 'liaison partner match-key {partner} --generate' (and --key-stdin on its side)");
        if (birthYear is < 1850 or > 2100)
        {
            throw new CliException(ExitCodes.Usage, $"--birth-year {birthYear} is not a plausible year of birth");
        }

        if (!new RemoteRegistry(home).All().TryGetValue(partner, out var remote))
        {
            throw new CliException(ExitCodes.Rejected, $"no credentials for {partner}'s node: add them with 'liaison remote add {partner} …'");
        }

        var query = PersonMatchQuery.Create($"match-{Guid.NewGuid():N}", names, birthYear, new PersonMatchKey(key));
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["query_id"] = query.QueryId, ["tags"] = new JsonArray(query.Tags.Select(t => (JsonNode)t).ToArray()) });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var client = new TaxiiClient(http, remote.Credentials());
        try
        {
            var roots = await client.ApiRootsAsync(new Uri(remote.DiscoveryUrl), cancel).ConfigureAwait(false);
            var root = roots.Count > 0 ? roots[0] : throw new TaxiiClientException($"{remote.DiscoveryUrl} advertises no API root");
            var answer = await client.PostJsonAsync(root, "liaison/person-match/", body, cancel).ConfigureAwait(false);
            return answer.TryGetProperty("query_id", out var id) && id.GetString() == query.QueryId && answer.TryGetProperty("match", out var found)
                && found.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new PersonMatchAnswer(query.QueryId, found.GetBoolean())
                : throw new CliException(ExitCodes.NodeError, $"{partner} answered something other than match or no match for query {query.QueryId}");
        }
        catch (TaxiiClientException ex)
        {
            throw new CliException(ExitCodes.NodeError, $"the match question to {partner} failed: {ex.Message}");
        }
    }
}
