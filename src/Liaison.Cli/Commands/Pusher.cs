using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Liaison.Core.Input;
using Liaison.Core.Stix;
using Liaison.Server.Client;
using Liaison.Storage.Ingest;

namespace Liaison.Cli.Commands;

/// <summary>
/// Streams a file's objects to a remote collection in envelopes of at most 1,000 objects and 4 MiB, several envelopes
/// in flight: the server validates one while it writes another, and can commit those it holds together.
/// </summary>
/// <remarks>
/// A marking definition must be stored before an object that refers to it is checked, and envelopes in flight may
/// be processed in any order; so an envelope that defines markings is awaited, with every envelope before it, before
/// the next one is sent. What the server sees is then what it would see from one envelope at a time.
/// </remarks>
internal static class Pusher
{
    private const int MaxObjects = 1000;
    private const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Envelopes sent and not yet answered, at most.</summary>
    internal const int MaxInFlight = 16;

    public sealed record Totals(int Envelopes, int Total, int Successes, int Failures, List<string> FailureMessages);

    public static async Task<Totals> PushAsync(TaxiiClient client, Uri root, string collection, IReadOnlyList<(string Path, InputFormat? Format)> inputs, CancellationToken cancel)
    {
        int envelopes = 0, total = 0, successes = 0, failures = 0;
        var messages = new List<string>();
        var buffer = new ArrayBufferWriter<byte>(MaxBytes + 65536);
        var writer = new Utf8JsonWriter(buffer, StixObject.CompactWriterOptions);
        var inFlight = new Queue<(Task<JsonElement> Status, int Count)>();
        var count = 0;
        var definesMarkings = false;

        async Task Answered()
        {
            var (sent, objects) = inFlight.Dequeue();
            var status = await sent.ConfigureAwait(false);
            envelopes++;
            total += objects;
            successes += status.TryGetProperty("success_count", out var s) ? s.GetInt32() : 0;
            failures += status.TryGetProperty("failure_count", out var f) ? f.GetInt32() : 0;
            if (status.TryGetProperty("failures", out var list))
            {
                foreach (var failure in list.EnumerateArray())
                {
                    messages.Add($"{failure.GetProperty("id").GetString()}: {(failure.TryGetProperty("message", out var m) ? m.GetString() : "refused")}");
                }
            }
        }

        async Task Flush()
        {
            if (count == 0)
            {
                return;
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            // The buffer is reused for the next envelope while this one is in flight.
            inFlight.Enqueue((client.PostObjectsAsync(root, collection, buffer.WrittenMemory.ToArray(), cancel), count));
            while (inFlight.Count > 0 && (inFlight.Count >= MaxInFlight || definesMarkings))
            {
                await Answered().ConfigureAwait(false);
            }

            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            count = 0;
            definesMarkings = false;
        }

        try
        {
            await Send().ConfigureAwait(false);
            while (inFlight.Count > 0)
            {
                await Answered().ConfigureAwait(false);
            }
        }
        catch
        {
            // Let the envelopes still in flight finish (their failures are this one's consequences) before reporting.
            await Task.WhenAll(inFlight.Select(e => (Task)e.Status)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        return new Totals(envelopes, total, successes, failures, messages);

        async Task Send()
        {
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

                    // The object's bytes as read (the reader has checked them): nothing to re-serialise.
                    writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
                    count++;
                    definesMarkings |= element.TryGetProperty("type", out var type) && type.ValueEquals("marking-definition");
                    if (count == MaxObjects || buffer.WrittenCount + writer.BytesPending >= MaxBytes)
                    {
                        await Flush().ConfigureAwait(false);
                    }
                }
            }

            await Flush().ConfigureAwait(false);
        }
    }
}
