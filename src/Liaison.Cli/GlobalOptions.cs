using System.CommandLine;

namespace Liaison.Cli;

/// <summary>Options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Home { get; } = new("--home")
    {
        Description = "The node's directory (default: $LIAISON_HOME, else ./.liaison).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write the result as JSON on standard output, for scripts.",
        Recursive = true,
    };
}
