using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Storage.Taxii;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison grant PRINCIPAL COLLECTION --read --write</c>, <c>grant list [PRINCIPAL]</c> and
/// <c>grant revoke PRINCIPAL COLLECTION</c>: who may read or write which collection (default deny).
/// </summary>
internal static class GrantCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var principal = new Argument<string>("PRINCIPAL") { Description = "The principal's name." };
        var collection = new Argument<string>("COLLECTION") { Description = "The collection's id or alias." };
        var read = new Option<bool>("--read") { Description = "Let the principal read the collection (GET objects, manifest, versions)." };
        var write = new Option<bool>("--write") { Description = "Let the principal write to the collection (POST and DELETE objects)." };
        var command = new Command("grant", "Let a principal read and/or write a collection, replacing what it had there.") { principal, collection, read, write };
        command.Validators.Add(result =>
        {
            if (!result.GetValue(read) && !result.GetValue(write))
            {
                result.AddError("give --read, --write or both (to take access away: 'liaison grant revoke PRINCIPAL COLLECTION')");
            }
        });
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var who = AdminSupport.Principal(store, parse.GetValue(principal)!);
            var where = AdminSupport.Collection(store, parse.GetValue(collection)!);
            var (canRead, canWrite) = (parse.GetValue(read), parse.GetValue(write));
            AdminSupport.Refusable(() =>
            {
                store.Grant(who.Name, where.Id, canRead, canWrite);
                return true;
            });
            var rights = canRead && canWrite ? "read and write" : canRead ? "read (not write)" : "write (not read)";
            output.Success($"'{who.Name}' may now {rights} {AdminSupport.Label(where)}");
            output.Result(ToJson(new CollectionGrant(who.Name, where.Id, canRead, canWrite), where));
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(List(globals, environment));
        command.Subcommands.Add(Revoke(globals, environment));
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var principal = new Argument<string?>("PRINCIPAL") { Description = "Only this principal's grants.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List the grants, by principal.") { principal };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var name = parse.GetValue(principal) is { } wanted ? AdminSupport.Principal(store, wanted).Name : null;
            var grants = store.Grants(name);
            var collections = store.Collections().ToDictionary(c => c.Id);
            output.Table($"{grants.Count} grant(s)", ["principal", "collection", "id", "read", "write"],
                grants.Select(g => (IReadOnlyList<string>)[g.Principal, collections[g.CollectionId].Title, g.CollectionId.ToString(), YesNo(g.CanRead), YesNo(g.CanWrite)]));
            output.Result(new JsonObject { ["grants"] = new JsonArray(grants.Select(g => (JsonNode)ToJson(g, collections[g.CollectionId])).ToArray()) });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(GlobalOptions globals, CliEnvironment environment)
    {
        var principal = new Argument<string>("PRINCIPAL") { Description = "The principal's name." };
        var collection = new Argument<string>("COLLECTION") { Description = "The collection's id or alias." };
        var command = new Command("revoke", "Take a principal's access to a collection away.") { principal, collection };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var who = AdminSupport.Principal(store, parse.GetValue(principal)!);
            var where = AdminSupport.Collection(store, parse.GetValue(collection)!);
            if (!store.RevokeGrant(who.Name, where.Id))
            {
                throw new CliException(ExitCodes.Rejected, $"'{who.Name}' has no grant on {AdminSupport.Label(where)}");
            }

            output.Success($"'{who.Name}' may no longer read or write {AdminSupport.Label(where)}");
            output.Result(new JsonObject { ["principal"] = who.Name, ["collection_id"] = where.Id.ToString(), ["revoked"] = true });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject ToJson(CollectionGrant grant, CollectionInfo collection) => new()
    {
        ["principal"] = grant.Principal,
        ["collection_id"] = grant.CollectionId.ToString(),
        ["collection_title"] = collection.Title,
        ["collection_alias"] = collection.Alias,
        ["can_read"] = grant.CanRead,
        ["can_write"] = grant.CanWrite,
    };

    private static string YesNo(bool value) => value ? "yes" : "no";
}
