using Liaison.Cli;

return await LiaisonCommandLine.InvokeAsync(args, Console.In, Console.Out, Console.Error);
