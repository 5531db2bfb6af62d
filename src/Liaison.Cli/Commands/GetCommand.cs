using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison get ID [--all-versions]</c>: an object's latest version, or all of them.</summary>
internal static class GetCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var id = new Argument<string>("ID") { Description = "The STIX id, e.g. indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f." };
        var allVersions = new Option<bool>("--all-versions") { Description = "Show every stored version, oldest first." };
        var command = new Command("get", "Show a stored object (exit 1 when it is not stored).") { id, allVersions };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var wanted = parse.GetValue(id)!;
            var versions = parse.GetValue(allVersions) ? store.GetVersions(wanted) : store.Get(wanted) is { } latest ? [latest] : [];
            if (versions.Count == 0)
            {
                output.Error($"no object {wanted} in this node");
                return ExitCodes.Rejected;
            }

            if (output.Json)
            {
                output.Result(new JsonObject { ["versions"] = new JsonArray(versions.Select(ObjectRows.ToJson).ToArray()) });
                return ExitCodes.Ok;
            }

            foreach (var version in versions)
            {
                if (versions.Count > 1 || output.Terminal is not null)
                {
                    output.Table(null, ["version", "added", "latest", "revoked", "content hash (SHA-256, RFC 8785)"],
                    [
                        [ObjectRows.Row(version)[3], ObjectRows.Microseconds(version.AddedAtMicroseconds), version.IsLatest ? "yes" : "no", version.Revoked ? "yes" : "no", Convert.ToHexStringLower(version.ContentHash)],
                    ]);
                }

                output.RawJson(JsonNode.Parse(version.Utf8Json)!);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
