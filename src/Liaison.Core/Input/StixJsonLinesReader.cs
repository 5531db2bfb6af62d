using System.Text.Json;

namespace Liaison.Core.Input;

/// <summary>
/// Reads newline-delimited STIX objects (one JSON object per line, blank lines ignored) from a stream, line by line,
/// so memory stays flat. A bad line is reported and reading goes on with the next one. Not thread safe.
/// </summary>
public sealed class StixJsonLinesReader
{
    private readonly Stream _stream;
    private readonly StixReaderOptions _options;
    private readonly JsonDocumentOptions _documentOptions;

    /// <summary>Creates a reader over <paramref name="stream"/>; the caller keeps ownership of the stream.</summary>
    public StixJsonLinesReader(Stream stream, StixReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? StixReaderOptions.Default;
        _documentOptions = new JsonDocumentOptions { MaxDepth = _options.MaxDepth, AllowDuplicateProperties = false };
    }

    /// <summary>Reads the objects in order; errors concern single lines and never end the input.</summary>
    public IEnumerable<StixInputItem> Read()
    {
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0;
        long line = 0;
        var index = 0;
        var final = false;
        var discarding = false; // inside an over-long line whose head was already reported
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !final)
            {
                if (end - start >= _options.MaxObjectBytes)
                {
                    if (!discarding)
                    {
                        line++;
                        yield return StixInputItem.Failure(index++, line, $"line {line} is longer than the {_options.MaxObjectBytes / (1024 * 1024)} MiB limit per object", fatal: false);
                        discarding = true;
                    }

                    start = end = 0;
                }

                Compact(ref buffer, ref start, ref end, _options.MaxObjectBytes);
                var read = _stream.Read(buffer, end, buffer.Length - end);
                final = read == 0;
                end += read;
                continue;
            }

            var lineLength = newline < 0 ? end - start : newline;
            var bytes = buffer.AsSpan(start, lineLength);
            start += newline < 0 ? lineLength : lineLength + 1;
            if (discarding)
            {
                discarding = false;
            }
            else
            {
                line++;
                if (line == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    bytes = bytes[3..];
                }

                bytes = bytes.Trim(" \t\r"u8);
                if (!bytes.IsEmpty)
                {
                    yield return ParseLine(bytes, index++, line);
                }
            }

            if (newline < 0)
            {
                yield break;
            }
        }
    }

    private StixInputItem ParseLine(ReadOnlySpan<byte> bytes, int index, long line)
    {
        var invalid = Utf8Check.FirstInvalid(bytes);
        if (invalid >= 0)
        {
            return StixInputItem.Failure(index, line, $"line {line} contains invalid UTF-8 at byte {invalid + 1} of the line", fatal: false);
        }

        try
        {
            var root = JsonElement.Parse(bytes, _documentOptions);
            if (root.ValueKind != JsonValueKind.Object)
            {
                return StixInputItem.Failure(index, line, $"line {line} must hold one JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}", fatal: false);
            }

            if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle"u8))
            {
                return StixInputItem.Failure(index, line, $"line {line} holds a bundle; a .jsonl file holds one STIX object per line (use .json for bundles)", fatal: false);
            }

            return StixInputItem.Object(index, line, root);
        }
        catch (JsonException ex)
        {
            return StixInputItem.Failure(index, line, $"line {line} is not valid JSON: {JsonErrorText.ForObject(ex, _options.MaxDepth)}", fatal: false);
        }
    }

    private static void Compact(ref byte[] buffer, ref int start, ref int end, int maxLine)
    {
        var pending = end - start;
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, pending);
            start = 0;
            end = pending;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxLine + 1));
        }
    }
}
