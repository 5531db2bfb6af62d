using System.CommandLine;
using Liaison.Cli.Commands;
using Liaison.Cli.Output;
using Liaison.Storage;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli;

/// <summary>Builds the <c>liaison</c> command tree and runs it, mapping failures to the documented exit codes.</summary>
internal static class LiaisonCommandLine
{
    public static async Task<int> InvokeAsync(string[] args, CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Liaison: a sovereign node for bilateral, least-disclosure exchange of STIX 2.1 information.");
        root.Options.Add(globals.Home);
        root.Options.Add(globals.Json);
        foreach (var command in new[]
                 {
                     InitCommand.Create(globals, environment),
                     IngestCommand.Create(globals, environment),
                     GetCommand.Create(globals, environment),
                     QueryCommand.Create(globals, environment),
                     StatsCommand.Create(globals, environment),
                     DemoCommand.Create(globals, environment),
                     BenchCommand.Create(globals, environment),
                     PrincipalCommand.Create(globals, environment),
                     CollectionCommand.Create(globals, environment),
                     GrantCommand.Create(globals, environment),
                     ServeCommand.Create(globals, environment),
                     IncidentCommand.Create(globals, environment),
                     StrikeCommand.Create(globals, environment),
                     RetentionCommand.Create(globals, environment),
                     DeconflictCommand.Create(globals, environment),
                     IdentityCommand.Create(globals, environment),
                     PartnerCommand.Create(globals, environment),
                     AgreementCommand.Create(globals, environment),
                     ReleaseCommand.Create(globals, environment),
                     QuarantineCommand.Create(globals, environment),
                     SyncCommand.Create(globals, environment),
                     RfiCommand.Create(globals, environment),
                     PersonMatchCommand.Person(globals, environment),
                     LedgerCommand.Create(globals, environment),
                 }.Concat(RemoteCommands.Create(globals, environment)))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var output = new CliOutput(environment, parsed.GetValue(globals.Json));
            foreach (var error in parsed.Errors)
            {
                output.Error(error.Message);
            }

            environment.Stderr.WriteLine("Run 'liaison --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = environment.Stdout, Error = environment.Stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            new CliOutput(environment, parsed.GetValue(globals.Json)).Error(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is StoreException or SqliteException or IOException or UnauthorizedAccessException)
        {
            // The node's files cannot be used as asked (read-only, full disk, damaged): say so, without a stack trace.
            new CliOutput(environment, parsed.GetValue(globals.Json)).Error(ex.Message);
            return ExitCodes.NodeError;
        }
    }
}
