namespace Liaison.Cli;

/// <summary>What a command talks to: its streams, whether they are a terminal, and the environment variables.</summary>
/// <param name="Stdin">Standard input, as bytes.</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="IsTerminal">Whether standard output is an interactive terminal (tables, colours, progress bars).</param>
/// <param name="Variable">Reads an environment variable.</param>
/// <param name="WorkingDirectory">The directory relative paths start from.</param>
internal sealed record CliEnvironment(
    Stream Stdin,
    TextWriter Stdout,
    TextWriter Stderr,
    bool IsTerminal,
    Func<string, string?> Variable,
    string WorkingDirectory)
{
    public static CliEnvironment FromConsole() => new(
        Console.OpenStandardInput(),
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory());
}
