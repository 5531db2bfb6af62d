using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Server.Client;
using Liaison.Server.Sync;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison remote add|list|remove</c>, <c>liaison pull</c> and <c>liaison push</c>: talking to other TAXII servers.</summary>
internal static class RemoteCommands
{
    public static IEnumerable<Command> Create(GlobalOptions globals, CliEnvironment environment)
    {
        yield return Remote(globals, environment);
        yield return Pull(globals, environment);
        yield return Push(globals, environment);
    }

    private static Command Remote(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("remote", "The TAXII servers this node pulls from and pushes to.");

        var name = new Argument<string>("NAME") { Description = "A short name for the remote, e.g. rus." };
        var url = new Option<string>("--url") { Description = "The remote's discovery URL, e.g. https://node.example/taxii2/.", Required = true };
        var user = new Option<string?>("--user") { Description = "User name for HTTP Basic (the password is read with --password-stdin)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read a bearer token from the first line of standard input." };
        var add = new Command("add", "Add (or replace) a remote and its credentials.") { name, url, user, passwordStdin, tokenStdin };
        add.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            home.LoadConfig();
            var discovery = parse.GetValue(url)!;
            if (!Uri.TryCreate(discovery, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliException(ExitCodes.Usage, $"--url '{discovery}' is not an http:// or https:// URL");
            }

            var basic = parse.GetValue(user) is { } u;
            if (basic == parse.GetValue(tokenStdin) || (basic && !parse.GetValue(passwordStdin)) || (!basic && parse.GetValue(passwordStdin)))
            {
                throw new CliException(ExitCodes.Usage, "give either --user U --password-stdin, or --token-stdin");
            }

            var secret = AdminSupport.ReadSecretLine(environment);
            new RemoteRegistry(home).Save(parse.GetValue(name)!, new RemoteEntry { DiscoveryUrl = uri.AbsoluteUri, User = parse.GetValue(user), Secret = secret });
            output.Success($"Remote '{parse.GetValue(name)}' saved ({uri.AbsoluteUri}); its credentials are in {home.KeysDirectory} (mode 0600)");
            output.Result(new JsonObject { ["name"] = parse.GetValue(name), ["url"] = uri.AbsoluteUri });
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(add);

        var list = new Command("list", "List the remotes (never their secrets).");
        list.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var remotes = new RemoteRegistry(NodeHome.Resolve(parse.GetValue(globals.Home), environment)).All();
            output.Table("Remotes", ["name", "url", "authentication"], remotes.Select(r => (IReadOnlyList<string>)[r.Key, r.Value.DiscoveryUrl, r.Value.User is null ? "bearer token" : $"basic ({r.Value.User})"]));
            output.Result(new JsonObject { ["remotes"] = new JsonArray(remotes.Select(r => (JsonNode)new JsonObject { ["name"] = r.Key, ["url"] = r.Value.DiscoveryUrl, ["user"] = r.Value.User }).ToArray()) });
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(list);

        var removeName = new Argument<string>("NAME");
        var remove = new Command("remove", "Forget a remote and its credentials.") { removeName };
        remove.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            if (!new RemoteRegistry(NodeHome.Resolve(parse.GetValue(globals.Home), environment)).Remove(parse.GetValue(removeName)!))
            {
                output.Error($"no remote '{parse.GetValue(removeName)}'");
                return ExitCodes.Rejected;
            }

            output.Success($"Remote '{parse.GetValue(removeName)}' removed");
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(remove);
        return command;
    }

    private static Command Pull(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "The remote to pull from." };
        var collection = new Option<string?>("--collection") { Description = "Only this remote collection (default: every collection we may read)." };
        var command = new Command("pull", "Fetch what is new on a remote since the last pull (resumable; nothing lost, nothing twice).") { name, collection };
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var remoteName = parse.GetValue(name)!;
            var remote = new RemoteRegistry(home).Get(remoteName);
            using var store = home.OpenStore();
            using var checkpointer = new WalCheckpointer(store.Path, TimeSpan.FromMilliseconds(250));
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var service = new PullService(store, new TaxiiClient(http, remote.Credentials()), new StixValidator(LiaisonExtensions.Instance), SystemClock.Instance);
            IReadOnlyList<PullReport> reports;
            try
            {
                reports = await service.PullAsync(remoteName, new Uri(remote.DiscoveryUrl), parse.GetValue(collection), cancel).ConfigureAwait(false);
            }
            catch (TaxiiClientException ex)
            {
                throw new CliException(ExitCodes.NodeError, $"pull from '{remoteName}' failed: {ex.Message}");
            }

            store.CatchUpTextIndex();
            output.Table($"Pulled from {remoteName}", ["collection", "pages", "new", "updated", "unchanged", "rejected", "cursor"],
                reports.Select(r => (IReadOnlyList<string>)[r.CollectionId, $"{r.Pages}", $"{r.New}", $"{r.Updated}", $"{r.Unchanged}", $"{r.Rejected}", r.Cursor ?? "-"]));
            foreach (var error in reports.SelectMany(r => r.Errors))
            {
                output.Warning(error.ToString());
            }

            output.Result(new JsonObject
            {
                ["remote"] = remoteName,
                ["collections"] = new JsonArray(reports.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.CollectionId, ["pages"] = r.Pages, ["new"] = r.New, ["updated"] = r.Updated,
                    ["unchanged"] = r.Unchanged, ["rejected"] = r.Rejected, ["cursor"] = r.Cursor,
                }).ToArray()),
            });
            return reports.Any(r => r.Rejected > 0) ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Push(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "The remote to push to." };
        var file = new Argument<string>("FILE") { Description = "A bundle (.json) or objects (.jsonl) to send." };
        var collection = new Option<string>("--collection") { Description = "The remote collection's id.", Required = true };
        var command = new Command("push", "Send the objects of a file to a remote collection, in envelopes within its size limit.") { name, file, collection };
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var remoteName = parse.GetValue(name)!;
            var remote = new RemoteRegistry(home).Get(remoteName);
            var inputs = InputFiles.Expand([parse.GetValue(file)!], environment.WorkingDirectory, forced: null);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var client = new TaxiiClient(http, remote.Credentials());
            try
            {
                var roots = await client.ApiRootsAsync(new Uri(remote.DiscoveryUrl), cancel).ConfigureAwait(false);
                var root = roots.Count > 0 ? roots[0] : throw new TaxiiClientException($"{remote.DiscoveryUrl} advertises no API root");
                var totals = await Pusher.PushAsync(client, root, parse.GetValue(collection)!, inputs, cancel).ConfigureAwait(false);
                output.Table($"Pushed to {remoteName}", ["envelopes", "objects", "stored", "refused"], [[$"{totals.Envelopes}", $"{totals.Total}", $"{totals.Successes}", $"{totals.Failures}"]]);
                foreach (var failure in totals.FailureMessages)
                {
                    output.Warning(failure);
                }

                output.Result(new JsonObject { ["envelopes"] = totals.Envelopes, ["total"] = totals.Total, ["successes"] = totals.Successes, ["failures"] = totals.Failures });
                return totals.Failures > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
            }
            catch (TaxiiClientException ex)
            {
                throw new CliException(ExitCodes.NodeError, $"push to '{remoteName}' failed: {ex.Message}");
            }
        });
        return command;
    }
}
