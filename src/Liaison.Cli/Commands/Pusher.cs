using System.Buffers;
using System.Text.Json;
using Liaison.Core.Input;
using Liaison.Core.Stix;
using Liaison.Server.Client;
using Liaison.Storage.Ingest;

namespace Liaison.Cli.Commands;

/// <summary>Streams a file's objects to a remote collection in envelopes of at most 1,000 objects and 4 MiB.</summary>
internal static class Pusher
{
    private const int MaxObjects = 1000;
    private const int MaxBytes = 4 * 1024 * 1024;

    public sealed record Totals(int Envelopes, int Total, int Successes, int Failures, List<string> FailureMessages);

    public static async Task<Totals> PushAsync(TaxiiClient client, Uri root, string collection, IReadOnlyList<(string Path, InputFormat? Format)> inputs, CancellationToken cancel)
    {
        int envelopes = 0, total = 0, successes = 0, failures = 0;
        var messages = new List<string>();
        var buffer = new ArrayBufferWriter<byte>(MaxBytes + 65536);
        var writer = new Utf8JsonWriter(buffer, StixObject.CompactWriterOptions);
        var count = 0;

        async Task Flush()
        {
            if (count == 0)
            {
                return;
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            var status = await client.PostObjectsAsync(root, collection, buffer.WrittenMemory, cancel).ConfigureAwait(false);
            envelopes++;
            total += count;
            successes += status.TryGetProperty("success_count", out var s) ? s.GetInt32() : 0;
            failures += status.TryGetProperty("failure_count", out var f) ? f.GetInt32() : 0;
            if (status.TryGetProperty("failures", out var list))
            {
                foreach (var failure in list.EnumerateArray())
                {
                    messages.Add($"{failure.GetProperty("id").GetString()}: {(failure.TryGetProperty("message", out var m) ? m.GetString() : "refused")}");
                }
            }

            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            count = 0;
        }

        foreach (var (path, format) in inputs)
        {
            using var stream = File.OpenRead(path);
            var items = format == InputFormat.JsonLines ? new StixJsonLinesReader(stream).Read() : new StixBundleReader(stream).Read();
            foreach (var item in items)
            {
                if (item.Element is not { } element)
                {
                    messages.Add($"{path}: {item.Error}");
                    failures++;
                    if (item.IsFatal)
                    {
                        break;
                    }

                    continue;
                }

                if (count == 0)
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("objects");
                }

                element.WriteTo(writer);
                count++;
                writer.Flush();
                if (count == MaxObjects || buffer.WrittenCount >= MaxBytes)
                {
                    await Flush().ConfigureAwait(false);
                }
            }
        }

        await Flush().ConfigureAwait(false);
        await writer.DisposeAsync().ConfigureAwait(false);
        return new Totals(envelopes, total, successes, failures, messages);
    }
}
