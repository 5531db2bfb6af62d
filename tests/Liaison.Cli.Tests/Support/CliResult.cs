using System.Text.Json.Nodes;

namespace Liaison.Cli.Tests.Support;

/// <summary>What one in-process run of <c>liaison</c> did: its exit code and everything it wrote.</summary>
internal sealed record CliResult(string[] Args, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Fails with the command line and both streams when the exit code is not <paramref name="expected"/>.</summary>
    public CliResult ExitsWith(int expected)
    {
        Assert.True(ExitCode == expected, $"expected exit {expected}, got {ExitCode}\n{this}");
        return this;
    }

    /// <summary>Standard output parsed as one JSON document.</summary>
    public JsonNode Json()
    {
        try
        {
            return JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout is JSON null");
        }
        catch (System.Text.Json.JsonException ex)
        {
            Assert.Fail($"stdout is not JSON ({ex.Message})\n{this}");
            throw;
        }
    }

    public override string ToString() =>
        $"$ liaison {string.Join(' ', Args)}\n--- exit {ExitCode}\n--- stdout:\n{Stdout}\n--- stderr:\n{Stderr}";
}
