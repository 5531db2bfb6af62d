using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison identity show</c>: what to hand a partner so that it can pin this node.</summary>
internal static class IdentityCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("identity", "This node's identity.");
        var show = new Command("show", "Print this node's name, STIX identity id and Ed25519 public key (give them to partners).");
        show.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var config = NodeHome.Resolve(parse.GetValue(globals.Home), environment).LoadConfig();
            output.Table("Identity", ["field", "value"], [["name", config.Name], ["identity", config.IdentityId], ["public key (Ed25519)", config.PublicKey]]);
            output.Result(new JsonObject { ["name"] = config.Name, ["identity_id"] = config.IdentityId, ["public_key"] = config.PublicKey });
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(show);
        command.Subcommands.Add(KeyRotationCommand.Rotate(globals, environment));
        return command;
    }
}
