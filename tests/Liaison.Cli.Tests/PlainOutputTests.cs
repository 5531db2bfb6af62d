using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>When standard output is not a terminal: plain, tab-separated tables and no ANSI escape codes.</summary>
public sealed class PlainOutputTests
{
    [Fact]
    public async Task Every_command_writes_plain_text_without_escape_codes_when_not_a_terminal()
    {
        using var cli = new CliHarness { IsTerminal = false };
        var bundle = cli.Write("in.json", Stix.Bundle(Stix.Location(1, "Hama", 35.13, 36.75), Stix.ThreatActor(1, "Daech"), Stix.ThreatActor(1, "Daech", "v2").With("modified", "2016-01-01T00:00:00.000Z")));
        var bad = cli.Write("bad.json", Stix.Bundle(Stix.ThreatActor(2, "B").With("confidence", 101)));

        var runs = new List<CliResult>
        {
            (await cli.Run("init", "--name", "FRA node")).ExitsWith(ExitCodes.Ok),
            (await cli.Run("ingest", bundle)).ExitsWith(ExitCodes.Ok),
            (await cli.Run("ingest", bad)).ExitsWith(ExitCodes.Rejected),
            (await cli.Run("get", Stix.Id("threat-actor", 1), "--all-versions")).ExitsWith(ExitCodes.Ok),
            (await cli.Run("query", "--type", "location")).ExitsWith(ExitCodes.Ok),
            (await cli.Run("query", "--limit", "0")).ExitsWith(ExitCodes.Usage),
            (await cli.Run("stats")).ExitsWith(ExitCodes.Ok),
            (await cli.Run("demo")).ExitsWith(ExitCodes.Ok),
        };

        foreach (var run in runs)
        {
            Assert.DoesNotContain('\u001b', run.Stdout + run.Stderr);
            Assert.DoesNotContain('│', run.Stdout);
            Assert.DoesNotContain('╭', run.Stdout);
        }

        Assert.Contains("property\tvalue", runs[0].Stdout, StringComparison.Ordinal);
        Assert.Contains("input\tnew\tupdated\tunchanged\trejected\toutcome", runs[1].Stdout, StringComparison.Ordinal);
        Assert.Contains("version\tadded\tlatest\trevoked\tcontent hash (SHA-256, RFC 8785)", runs[3].Stdout, StringComparison.Ordinal);
        Assert.Contains($"location\t{Stix.Id("location", 1)}\tHama\t", runs[4].Stdout, StringComparison.Ordinal);
        Assert.Contains("measure\tvalue", runs[6].Stdout, StringComparison.Ordinal);
        Assert.Contains("type\tobjects", runs[6].Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_row_is_one_line_even_when_a_name_holds_tabs_or_newlines()
    {
        using var cli = new CliHarness();
        await cli.Init();
        (await cli.Run("ingest", cli.Write("in.json", Stix.Bundle(Stix.Location(1, "Hama\twest\nside", 35.13, 36.75))))).ExitsWith(ExitCodes.Ok);

        var lines = (await cli.Run("query", "--type", "location")).ExitsWith(ExitCodes.Ok).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.Equal(5, lines[2].Split('\t').Length);
        Assert.Contains("Hama west side", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_tables_are_drawn_rather_than_tab_separated()
    {
        using var cli = new CliHarness { IsTerminal = true };
        await cli.Init();

        var stdout = (await cli.Run("stats")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.Contains("measure", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("measure\tvalue", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_ingest_with_its_progress_bar_stores_and_summarises()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("in.json", Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B")));
        cli.IsTerminal = true;

        var result = (await cli.Run("ingest", bundle)).ExitsWith(ExitCodes.Ok);

        Assert.Contains("in.json", result.Stdout, StringComparison.Ordinal);
        cli.IsTerminal = false;
        Assert.Equal(2, (await cli.Json("stats"))["by_type"]!["threat-actor"]!.GetValue<long>());
    }
}
