using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison stats</c>: what the node holds.</summary>
internal static class StatsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("stats", "Count what the node holds, by type.");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var config = home.LoadConfig();
            using var store = home.OpenStore();
            var stats = store.Statistics();
            output.Table($"Node '{config.Name}' ({home.Directory})", ["measure", "value"],
            [
                ["objects", Count(stats.Objects)],
                ["versions", Count(stats.Versions)],
                ["revoked", Count(stats.Revoked)],
                ["located objects", Count(stats.LocatedObjects)],
                ["awaiting text indexing", Count(stats.TextIndexBacklog)],
                ["database size", $"{stats.DatabaseBytes / (1024.0 * 1024):F1} MiB"],
                ["schema version", store.SchemaVersion.ToString(CultureInfo.InvariantCulture)],
            ]);
            output.Table("Objects by type", ["type", "objects"], stats.ByType.Select(t => (IReadOnlyList<string>)[t.Type, Count(t.Count)]));
            var byType = new JsonObject();
            foreach (var (type, count) in stats.ByType)
            {
                byType[type] = count;
            }

            output.Result(new JsonObject
            {
                ["name"] = config.Name,
                ["objects"] = stats.Objects,
                ["versions"] = stats.Versions,
                ["revoked"] = stats.Revoked,
                ["located_objects"] = stats.LocatedObjects,
                ["text_index_backlog"] = stats.TextIndexBacklog,
                ["database_bytes"] = stats.DatabaseBytes,
                ["schema_version"] = store.SchemaVersion,
                ["by_type"] = byType,
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
