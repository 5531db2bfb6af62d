using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Storage.Taxii;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison principal create|list|revoke</c>: who may authenticate to this node's TAXII server.</summary>
internal static class PrincipalCommand
{
    private const string StoreNow = "Store them now: they are not shown again (the node keeps only slow salted hashes).";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("principal", "Principals (partners, tools, people) that may authenticate to the TAXII server.");
        command.Subcommands.Add(CreatePrincipal(globals, environment));
        command.Subcommands.Add(List(globals, environment));
        command.Subcommands.Add(Revoke(globals, environment));
        return command;
    }

    private static Command CreatePrincipal(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "Unique name: 1-64 ASCII letters, digits and - _ . @ (the HTTP Basic user name)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = $"Read the password from the first line of standard input (at least {TaxiiNames.MinPasswordLength} characters) instead of generating one." };
        var command = new Command("create", "Create a principal; prints its password (unless read from standard input) and a bearer token, once.") { name, passwordStdin };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var wanted = AdminSupport.Checked(parse.GetValue(name)!, TaxiiNames.PrincipalNameProblem);
            var password = parse.GetValue(passwordStdin) ? AdminSupport.Checked(AdminSupport.ReadSecretLine(environment), TaxiiNames.PasswordProblem) : null;
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var credentials = AdminSupport.Refusable(() => store.CreatePrincipal(wanted, password));
            output.Success($"Principal '{credentials.Principal}' created");
            var rows = new List<IReadOnlyList<string>>();
            if (credentials.Password is { } generated)
            {
                rows.Add(["password", generated]);
            }

            rows.Add(["bearer token", credentials.BearerToken]);
            output.Table($"Credentials of '{credentials.Principal}'", ["secret", "value"], rows);
            output.Line(StoreNow);
            var json = new JsonObject { ["name"] = credentials.Principal };
            if (credentials.Password is not null)
            {
                json["password"] = credentials.Password;
            }

            json["bearer_token"] = credentials.BearerToken;
            json["note"] = StoreNow;
            output.Result(json);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("list", "List the principals, revoked ones included (never their secrets).");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var principals = store.Principals();
            output.Table($"{principals.Count} principal(s)", ["name", "created", "state"],
                principals.Select(p => (IReadOnlyList<string>)[p.Name, ObjectRows.Microseconds(p.CreatedAtMicroseconds), p.Revoked ? "revoked" : "active"]));
            output.Result(new JsonObject
            {
                ["principals"] = new JsonArray(principals.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["created"] = ObjectRows.Microseconds(p.CreatedAtMicroseconds),
                    ["revoked"] = p.Revoked,
                }).ToArray()),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "The principal to revoke." };
        var command = new Command("revoke", "Revoke a principal's password and token at once (kept for the record; its grants stop working).") { name };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var principal = AdminSupport.Principal(store, parse.GetValue(name)!);
            var revokedNow = store.RevokePrincipal(principal.Name);
            output.Success(revokedNow ? $"Principal '{principal.Name}' revoked" : $"Principal '{principal.Name}' was already revoked");
            output.Result(new JsonObject { ["name"] = principal.Name, ["revoked"] = true, ["already_revoked"] = !revokedNow });
            return ExitCodes.Ok;
        });
        return command;
    }
}
