using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Storage.Taxii;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison collection create|list</c>: the TAXII collections this node serves.</summary>
internal static class CollectionCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("collection", "TAXII collections served by this node.");
        command.Subcommands.Add(CreateCollection(globals, environment));
        command.Subcommands.Add(List(globals, environment));
        return command;
    }

    private static Command CreateCollection(GlobalOptions globals, CliEnvironment environment)
    {
        var title = new Argument<string>("TITLE") { Description = "Human-readable title, e.g. \"Outbound RUS\"." };
        var alias = new Option<string?>("--alias") { Description = "Unique short name usable instead of the id: ASCII letters, digits and - _ ." };
        var description = new Option<string?>("--description") { Description = "What the collection holds, for whoever reads it." };
        var command = new Command("create", "Create a collection; prints its id.") { title, alias, description };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var wantedTitle = AdminSupport.Checked(parse.GetValue(title)!, TaxiiNames.TitleProblem);
            var wantedAlias = parse.GetValue(alias) is { } a ? AdminSupport.Checked(a, TaxiiNames.AliasProblem) : null;
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var collection = AdminSupport.Refusable(() => store.CreateCollection(wantedTitle, parse.GetValue(description), wantedAlias));
            output.Success($"Collection '{collection.Title}' created: {collection.Id}");
            output.Result(ToJson(collection));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("list", "List the collections, oldest first.");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var collections = store.Collections();
            output.Table($"{collections.Count} collection(s)", ["id", "alias", "title", "description"],
                collections.Select(c => (IReadOnlyList<string>)[c.Id.ToString(), c.Alias ?? "-", c.Title, c.Description ?? string.Empty]));
            output.Result(new JsonObject { ["collections"] = new JsonArray(collections.Select(c => (JsonNode)ToJson(c)).ToArray()) });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject ToJson(CollectionInfo collection) => new()
    {
        ["id"] = collection.Id.ToString(),
        ["title"] = collection.Title,
        ["alias"] = collection.Alias,
        ["description"] = collection.Description,
    };
}
