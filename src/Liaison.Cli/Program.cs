using Liaison.Cli;

return await LiaisonCommandLine.InvokeAsync(args, CliEnvironment.FromConsole()).ConfigureAwait(false);
