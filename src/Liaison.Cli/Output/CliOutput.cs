using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Liaison.Cli.Output;

/// <summary>
/// Where a command writes: Spectre tables and colours on a terminal, plain tab-separated text when piped, and one
/// JSON document with <c>--json</c> (for scripts).
/// </summary>
internal sealed class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly IAnsiConsole? _ansi;

    public CliOutput(CliEnvironment environment, bool json)
    {
        _stdout = environment.Stdout;
        _stderr = environment.Stderr;
        Json = json;
        if (environment.IsTerminal && !json)
        {
            _ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Stdout) });
        }
    }

    /// <summary>Whether the caller asked for JSON.</summary>
    public bool Json { get; }

    /// <summary>The terminal, when output goes to one (progress bars, colours).</summary>
    public IAnsiConsole? Terminal => _ansi;

    public void Line(string text = "")
    {
        if (Json)
        {
            return;
        }

        if (_ansi is not null)
        {
            _ansi.MarkupLine(Markup.Escape(text));
        }
        else
        {
            _stdout.WriteLine(text);
        }
    }

    public void Heading(string text)
    {
        if (Json)
        {
            return;
        }

        if (_ansi is not null)
        {
            _ansi.Write(new Rule($"[bold]{Markup.Escape(text)}[/]") { Justification = Justify.Left });
        }
        else
        {
            _stdout.WriteLine();
            _stdout.WriteLine($"== {text} ==");
        }
    }

    public void Success(string text) => Styled(text, "green", "ok: ");

    public void Failure(string text) => Styled(text, "red", "FAILED: ");

    public void Table(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (Json)
        {
            return;
        }

        if (_ansi is not null)
        {
            var table = new Table { Border = TableBorder.Rounded };
            if (title is not null)
            {
                table.Title = new TableTitle(Markup.Escape(title));
            }

            foreach (var header in headers)
            {
                table.AddColumn(new TableColumn(Markup.Escape(header)));
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(cell => new Text(cell)).ToArray());
            }

            _ansi.Write(table);
            return;
        }

        if (title is not null)
        {
            _stdout.WriteLine($"# {title}");
        }

        _stdout.WriteLine(string.Join('\t', headers));
        foreach (var row in rows)
        {
            _stdout.WriteLine(string.Join('\t', row.Select(cell => cell.Replace('\t', ' ').Replace('\n', ' '))));
        }
    }

    /// <summary>Writes the command's JSON result (only with <c>--json</c>).</summary>
    public void Result(JsonNode node)
    {
        if (Json)
        {
            _stdout.WriteLine(node.ToJsonString(JsonOptions));
        }
    }

    /// <summary>Writes pretty JSON whatever the mode (the object itself is what the person asked to see).</summary>
    public void RawJson(JsonNode node) => _stdout.WriteLine(node.ToJsonString(JsonOptions));

    public void Error(string message)
    {
        _stderr.WriteLine($"error: {message}");
        if (Json)
        {
            _stdout.WriteLine(new JsonObject { ["error"] = message }.ToJsonString(JsonOptions));
        }
    }

    public void Warning(string message) => _stderr.WriteLine($"warning: {message}");

    private void Styled(string text, string colour, string plainPrefix)
    {
        if (Json)
        {
            return;
        }

        if (_ansi is not null)
        {
            _ansi.MarkupLine($"[{colour}]{Markup.Escape(text)}[/]");
        }
        else
        {
            _stdout.WriteLine(plainPrefix + text);
        }
    }
}
