using System.CommandLine;

namespace Liaison.Cli.Commands;

/// <summary>
/// Who is acting, for the four-eyes rule and the record: <c>--as NAME</c>, else <c>$LIAISON_OPERATOR</c>, else the
/// operating-system user.
/// </summary>
internal static class OperatorOption
{
    public const string EnvironmentVariable = "LIAISON_OPERATOR";

    public static Option<string?> Create() => new("--as")
    {
        Description = $"Who is acting (recorded; approvals need someone other than the requester). Default: ${EnvironmentVariable}, else the system user.",
    };

    public static string Resolve(string? flag, CliEnvironment environment)
    {
        var name = flag ?? environment.Variable(EnvironmentVariable) ?? Environment.UserName;
        return string.IsNullOrWhiteSpace(name) || name.Length > 64
            ? throw new CliException(ExitCodes.Usage, "the operator name (--as) must be 1 to 64 characters")
            : name.Trim();
    }
}
