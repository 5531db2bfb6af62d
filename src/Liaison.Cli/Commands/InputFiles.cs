using System.Text.Json;
using Liaison.Storage.Ingest;

namespace Liaison.Cli.Commands;

/// <summary>Turns the paths given to <c>ingest</c> into an ordered list of inputs, checking they all exist first.</summary>
internal static class InputFiles
{
    public const string Stdin = "-";

    public static IReadOnlyList<(string Path, InputFormat? Format)> Expand(IEnumerable<string> paths, string workingDirectory, InputFormat? forced)
    {
        var inputs = new List<(string, InputFormat?)>();
        foreach (var path in paths)
        {
            if (path == Stdin)
            {
                inputs.Add((Stdin, forced));
                continue;
            }

            var full = Path.Combine(workingDirectory, path);
            if (Directory.Exists(full))
            {
                var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(f => FormatOf(f) is not null)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    throw new CliException(ExitCodes.Usage, $"the folder {path} holds no .json, .jsonl or .ndjson file");
                }

                inputs.AddRange(files.Select(f => (f, forced ?? FormatOf(f))));
            }
            else if (File.Exists(full))
            {
                var format = forced ?? FormatOf(full)
                    ?? throw new CliException(ExitCodes.Usage, $"{path}: unknown file type '{Path.GetExtension(path)}' (expected .json for a bundle or .jsonl for one object per line; or give --format)");
                inputs.Add((full, format));
            }
            else
            {
                throw new CliException(ExitCodes.Usage, $"{path}: no such file or folder");
            }
        }

        return inputs;
    }

    /// <summary>
    /// Guesses the layout of standard input from its first line (one whole non-bundle object means JSON Lines) and
    /// returns a stream that replays what was peeked, then the rest.
    /// </summary>
    public static (InputFormat Format, Stream Replay) Sniff(Stream stdin)
    {
        const int window = 1 << 20;
        var buffer = new byte[window];
        var peeked = 0;
        while (peeked < window)
        {
            var read = stdin.Read(buffer, peeked, window - peeked);
            if (read == 0)
            {
                break;
            }

            peeked += read;
            if (buffer.AsSpan(0, peeked).IndexOf((byte)'\n') >= 0)
            {
                break;
            }
        }

        var head = buffer[..peeked];
        var newline = head.AsSpan().IndexOf((byte)'\n');
        var firstLine = newline < 0 ? head : head[..newline];
        var format = InputFormat.Bundle;
        try
        {
            using var document = JsonDocument.Parse(firstLine);
            var root = document.RootElement;
            var isBundle = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle"u8);
            format = isBundle || newline < 0 ? InputFormat.Bundle : InputFormat.JsonLines;
        }
        catch (JsonException)
        {
            // Not a whole object on the first line: a (pretty-printed) bundle, or garbage the bundle reader will name.
        }

        return (format, new PrefixedStream(head, stdin));
    }

    private static InputFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => InputFormat.Bundle,
        ".jsonl" or ".ndjson" => InputFormat.JsonLines,
        _ => null,
    };
}
