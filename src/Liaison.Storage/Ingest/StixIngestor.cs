using System.Collections.Concurrent;
using Liaison.Core.Canonical;
using Liaison.Core.Input;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Ingest;

/// <summary>
/// Reads, validates and stores one input in one transaction. Two stages run on two threads: reading, validating,
/// hashing and compacting on one; resolving markings and writing on the other (which owns the store). Memory
/// stays flat in the input's size: a bounded queue of small batches sits between the stages.
/// </summary>
public sealed class StixIngestor
{
    private const int StageBatch = 256;
    private const int QueuedBatches = 4;

    private readonly SqliteStixStore _store;
    private readonly StixValidator _validator;

    /// <summary>Creates an ingestor writing to <paramref name="store"/>.</summary>
    public StixIngestor(SqliteStixStore store, StixValidator validator)
    {
        _store = store;
        _validator = validator;
    }

    /// <summary>
    /// Ingests one input. Unless <see cref="IngestOptions.SkipInvalid"/> is set, any error rejects the whole input
    /// and nothing of it is stored. <paramref name="progress"/> receives the number of objects read so far.
    /// </summary>
    public IngestReport Ingest(string source, Stream input, InputFormat format, IngestOptions options, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var report = new IngestReport(source);
        using var queue = new BlockingCollection<List<PreparedObject>>(QueuedBatches);
        using var cancel = new CancellationTokenSource();
        var producer = Task.Run(() => Produce(input, format, options, queue, cancel.Token));
        try
        {
            Consume(queue, options, report, progress);
        }
        finally
        {
            cancel.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The writer stopped early (an exception below); the reader was told to stop.
            }
        }

        return report;
    }

    private void Produce(Stream input, InputFormat format, IngestOptions options, BlockingCollection<List<PreparedObject>> queue, CancellationToken cancel)
    {
        try
        {
            var items = format == InputFormat.Bundle
                ? new StixBundleReader(input, options.Reader).Read()
                : new StixJsonLinesReader(input, options.Reader).Read();
            var batch = new List<PreparedObject>(StageBatch);
            foreach (var item in items)
            {
                batch.Add(Prepare(item));
                if (batch.Count == StageBatch)
                {
                    queue.Add(batch, cancel);
                    batch = new List<PreparedObject>(StageBatch);
                }
            }

            if (batch.Count > 0)
            {
                queue.Add(batch, cancel);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private PreparedObject Prepare(StixInputItem item)
    {
        if (item.Error is { } readError)
        {
            return new PreparedObject(item.Index, item.Line, null, default, null, null, [], [readError], item.IsFatal);
        }

        var result = _validator.Validate(item.Element!.Value, item.Index);
        if (!result.IsValid)
        {
            return new PreparedObject(item.Index, item.Line, null, default, null, null, [], WithLine(result.Errors, item.Line), false);
        }

        var stixObject = result.Object!;
        try
        {
            var hash = ContentHash.Of(stixObject.Json);
            return new PreparedObject(item.Index, item.Line, stixObject, hash, stixObject.ToUtf8Bytes(), IndexFacts.Of(stixObject), result.MarkingRefs, [], false);
        }
        catch (CanonicalizationException ex)
        {
            var error = new StixError(item.Index, stixObject.Id.Value, "$", $"cannot be canonicalised for hashing: {ex.Message}") { Line = item.Line };
            return new PreparedObject(item.Index, item.Line, null, default, null, null, [], [error], false);
        }
    }

    private void Consume(BlockingCollection<List<PreparedObject>> queue, IngestOptions options, IngestReport report, IProgress<long>? progress)
    {
        using var batch = _store.BeginBatch();
        var markings = new MarkingResolver(_store);
        var pending = new List<PreparedObject>();
        var failed = false;
        foreach (var prepared in queue.GetConsumingEnumerable())
        {
            foreach (var item in prepared)
            {
                if (item.Errors.Count > 0)
                {
                    Reject(item.Errors);
                    report.Unreadable |= item.Fatal;
                    continue;
                }

                if (!markings.AllResolved(item.MarkingRefs))
                {
                    if (pending.Count < options.MaxPendingForMarkings)
                    {
                        pending.Add(item);
                    }
                    else
                    {
                        Reject(markings.Unresolved(item));
                    }

                    continue;
                }

                Write(item);
            }

            progress?.Report(report.Read + pending.Count);
        }

        foreach (var item in pending)
        {
            if (markings.AllResolved(item.MarkingRefs))
            {
                Write(item);
            }
            else
            {
                Reject(markings.Unresolved(item));
            }
        }

        if (failed && !options.SkipInvalid)
        {
            // Rejected whole: the transaction rolls back, so nothing counted as stored was.
            report.Rejected += report.New + report.Updated + report.Unchanged;
            report.New = report.Updated = report.Unchanged = 0;
            return;
        }

        batch.Commit();
        report.Committed = true;

        void Reject(IReadOnlyList<StixError> errors)
        {
            failed = true;
            report.Rejected++;
            foreach (var error in errors)
            {
                report.AddError(error, options.MaxListedErrors);
            }
        }

        void Write(PreparedObject item)
        {
            if (failed && !options.SkipInvalid)
            {
                // The input will be rejected whole: keep reading and listing errors, but stop writing.
                report.New++;
                markings.Saw(item.Object!);
                return;
            }

            var result = batch.Add(item.Object!, item.Hash, item.Utf8Json!, item.Facts!);
            switch (result.Outcome)
            {
                case WriteOutcome.New:
                    report.New++;
                    markings.Saw(item.Object!);
                    break;
                case WriteOutcome.Updated:
                    report.Updated++;
                    markings.Saw(item.Object!);
                    break;
                case WriteOutcome.Unchanged:
                    report.Unchanged++;
                    markings.Saw(item.Object!);
                    break;
                default:
                    Reject([new StixError(item.Index, item.Object!.Id.Value, "$", result.Reason!) { Line = item.Line }]);
                    break;
            }
        }
    }

    private static StixError[] WithLine(IReadOnlyList<StixError> errors, long line)
    {
        var result = new StixError[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            result[i] = errors[i] with { Line = line };
        }

        return result;
    }
}
