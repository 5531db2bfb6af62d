using System.CommandLine;

namespace Liaison.Cli;

/// <summary>Builds the <c>liaison</c> command tree and runs it.</summary>
internal static class LiaisonCommandLine
{
    public static async Task<int> InvokeAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Liaison: a sovereign node for bilateral, least-disclosure exchange of STIX 2.1 information.");
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        _ = stdin;
        return await root.Parse(args).InvokeAsync(config).ConfigureAwait(false);
    }
}
