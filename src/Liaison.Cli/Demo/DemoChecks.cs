using System.Text.Json.Nodes;
using Liaison.Cli.Output;

namespace Liaison.Cli.Demo;

/// <summary>Collects the demo's checks and turns them into the exit code.</summary>
internal sealed class DemoChecks(CliOutput output)
{
    private readonly List<(string Claim, bool Passed)> _results = [];

    public void Expect(bool passed, string claim)
    {
        _results.Add((claim, passed));
        if (passed)
        {
            output.Success(claim);
        }
        else
        {
            output.Failure(claim);
        }
    }

    public int Finish(string directory)
    {
        var failed = _results.Count(r => !r.Passed);
        output.Line($"{_results.Count - failed} of {_results.Count} checks passed.");
        output.Result(new JsonObject
        {
            ["home"] = directory,
            ["checks"] = new JsonArray(_results.Select(r => (JsonNode)new JsonObject { ["check"] = r.Claim, ["passed"] = r.Passed }).ToArray()),
            ["passed"] = failed == 0,
        });
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
    }
}
