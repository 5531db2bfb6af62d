using System.Text.Json;

namespace Liaison.Core.Input;

/// <summary>
/// Reads a STIX bundle (<c>{"type":"bundle","id":…,"objects":[…]}</c>) from a stream one object at a time, so memory
/// stays flat whatever the bundle's size: only the object being read (bounded by
/// <see cref="StixReaderOptions.MaxObjectBytes"/>) is buffered. Not thread safe; enumerate once.
/// </summary>
public sealed class StixBundleReader
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly StixReaderOptions _options;
    private readonly JsonDocumentOptions _documentOptions;

    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;
    private bool _final;
    private bool _bomChecked;
    private JsonReaderState _state;
    private Phase _phase = Phase.BeforeRoot;
    private long _linesBeforeStart;
    private int _nextIndex;
    private string? _bundleType;

    /// <summary>Creates a reader over <paramref name="stream"/>; the caller keeps ownership of the stream.</summary>
    public StixBundleReader(Stream stream, StixReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? StixReaderOptions.Default;
        // The bundle and its objects array add two levels above each object.
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = _options.MaxDepth + 2 });
        _documentOptions = new JsonDocumentOptions { MaxDepth = _options.MaxDepth, AllowDuplicateProperties = false };
    }

    private enum Phase
    {
        BeforeRoot,
        InRoot,
        InObjects,
        AfterRoot,
        Done,
    }

    private enum Step
    {
        Continue,
        Produced,
        NeedMoreData,
        Finished,
    }

    /// <summary>Reads the objects in order. After a fatal error nothing more is produced.</summary>
    public IEnumerable<StixInputItem> Read()
    {
        while (_phase != Phase.Done)
        {
            StixInputItem item;
            Step step;
            try
            {
                step = Advance(out item);
            }
            catch (JsonException ex)
            {
                step = Step.Produced;
                item = Fatal(DescribeReaderFailure(ex));
            }
            catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException)
            {
                step = Step.Produced;
                item = Fatal("the bundle contains invalid UTF-8 outside its objects");
            }

            switch (step)
            {
                case Step.Produced:
                    yield return item;
                    break;
                case Step.NeedMoreData:
                    if (!Fill(out var fillError))
                    {
                        yield return fillError;
                    }

                    break;
                case Step.Finished:
                    yield break;
            }
        }
    }

    private Step Advance(out StixInputItem item)
    {
        item = default;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        while (true)
        {
            var step = _phase switch
            {
                Phase.BeforeRoot => ReadRoot(ref reader, out item),
                Phase.InRoot => ReadRootMember(ref reader, out item),
                Phase.InObjects => ReadObject(ref reader, out item),
                Phase.AfterRoot => ReadEnd(ref reader, out item),
                _ => Step.Finished,
            };

            if (step == Step.Continue)
            {
                Commit(ref reader);
                continue;
            }

            if (step == Step.Produced && !item.IsFatal)
            {
                Commit(ref reader);
            }

            return step;
        }
    }

    private Step ReadRoot(ref Utf8JsonReader reader, out StixInputItem item)
    {
        item = default;
        if (!reader.Read())
        {
            return NeedMore(out item, "the input is empty: expected a STIX bundle");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            item = Fatal($"expected a STIX bundle (a JSON object with \"type\": \"bundle\"), found {Describe(reader.TokenType)}");
            return Step.Produced;
        }

        _phase = Phase.InRoot;
        return Step.Continue;
    }

    private Step ReadRootMember(ref Utf8JsonReader reader, out StixInputItem item)
    {
        item = default;
        var probe = reader;
        if (!probe.Read())
        {
            return NeedMore(out item, $"the input ends early (truncated JSON) after {_nextIndex} object(s)");
        }

        if (probe.TokenType == JsonTokenType.EndObject)
        {
            reader = probe;
            _phase = Phase.AfterRoot;
            if (_bundleType is null)
            {
                item = Fatal("expected a STIX bundle, but the top-level object has no \"type\" property");
                return Step.Produced;
            }

            return Step.Continue;
        }

        var name = probe.GetString();
        if (name == "objects")
        {
            if (!probe.Read())
            {
                return NeedMore(out item, "the input ends early (truncated JSON) in the bundle's objects");
            }

            if (probe.TokenType != JsonTokenType.StartArray)
            {
                item = Fatal($"the bundle's \"objects\" must be an array, found {Describe(probe.TokenType)}");
                return Step.Produced;
            }

            reader = probe;
            _phase = Phase.InObjects;
            return Step.Continue;
        }

        // Any other bundle member is read whole (bounded like an object) and only "type" is kept. From a property
        // name, TrySkip lands on a primitive value or on the end of a container value.
        if (!probe.TrySkip())
        {
            return NeedMore(out item, "the input ends early (truncated JSON) in the bundle");
        }

        if (name == "type")
        {
            _bundleType = probe.TokenType == JsonTokenType.String ? probe.GetString() : Describe(probe.TokenType);
            if (_bundleType != "bundle")
            {
                item = Fatal(
                    $"expected a STIX bundle, found a single object of type '{_bundleType}': wrap it in " +
                    "{\"type\": \"bundle\", \"id\": \"bundle--<uuid>\", \"objects\": [...]} or put one object per line in a .jsonl file");
                return Step.Produced;
            }
        }

        reader = probe;
        return Step.Continue;
    }

    private Step ReadObject(ref Utf8JsonReader reader, out StixInputItem item)
    {
        item = default;
        var probe = reader;
        if (!probe.Read())
        {
            return NeedMore(out item, $"the input ends early (truncated JSON) after {_nextIndex} object(s)");
        }

        if (probe.TokenType == JsonTokenType.EndArray)
        {
            reader = probe;
            _phase = Phase.InRoot;
            return Step.Continue;
        }

        var index = _nextIndex;
        var tokenStart = (int)probe.TokenStartIndex;
        var line = LineAt(tokenStart);
        if (probe.TokenType != JsonTokenType.StartObject)
        {
            if (!probe.TrySkip())
            {
                return NeedMore(out item, $"the input ends early (truncated JSON) in object #{index}");
            }

            reader = probe;
            _nextIndex++;
            item = StixInputItem.Failure(index, line, $"objects[{index}] must be a JSON object, found {Describe(probe.TokenType)}", fatal: false);
            return Step.Produced;
        }

        if (!probe.TrySkip())
        {
            return NeedMore(out item, $"the input ends early (truncated JSON) in object #{index}");
        }

        var length = (int)probe.BytesConsumed - tokenStart;
        var bytes = _buffer.AsSpan(_start + tokenStart, length);
        reader = probe;
        _nextIndex++;

        var invalid = Utf8Check.FirstInvalid(bytes);
        if (invalid >= 0)
        {
            item = StixInputItem.Failure(index, LineAt(tokenStart + invalid), $"object #{index} contains invalid UTF-8 at byte {invalid} of the object", fatal: false);
            return Step.Produced;
        }

        try
        {
            // JsonElement.Parse copies: the object outlives the read buffer, which is reused for the next one, and
            // the element is standalone (not pooled), so nothing downstream needs to copy it again.
            item = StixInputItem.Object(index, line, JsonElement.Parse(bytes, _documentOptions));
        }
        catch (JsonException ex)
        {
            item = StixInputItem.Failure(index, line + (ex.LineNumber ?? 0), $"object #{index} is not valid JSON: {JsonErrorText.ForObject(ex, _options.MaxDepth)}", fatal: false);
        }

        return Step.Produced;
    }

    private Step ReadEnd(ref Utf8JsonReader reader, out StixInputItem item)
    {
        item = default;
        if (reader.Read())
        {
            item = Fatal($"unexpected {Describe(reader.TokenType)} after the end of the bundle");
            return Step.Produced;
        }

        if (!_final)
        {
            return Step.NeedMoreData;
        }

        _phase = Phase.Done;
        return Step.Finished;
    }

    private Step NeedMore(out StixInputItem item, string truncatedReason)
    {
        if (_final)
        {
            item = Fatal(truncatedReason);
            return Step.Produced;
        }

        item = default;
        return Step.NeedMoreData;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _linesBeforeStart += _buffer.AsSpan(_start, consumed).Count((byte)'\n');
        _start += consumed;
        _state = reader.CurrentState;
        reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
    }

    private long LineAt(int offsetFromStart) => 1 + _linesBeforeStart + _buffer.AsSpan(_start, offsetFromStart).Count((byte)'\n');

    /// <summary>Brings more bytes in, growing the buffer when one value does not fit; false with an error when it is too large.</summary>
    private bool Fill(out StixInputItem error)
    {
        error = default;
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var limit = (long)_options.MaxObjectBytes + InitialBufferBytes;
            if (_buffer.Length >= limit)
            {
                error = Fatal(_phase == Phase.InObjects
                    ? $"object #{_nextIndex} is larger than the {_options.MaxObjectBytes / (1024 * 1024)} MiB limit per object"
                    : $"a bundle member is larger than the {_options.MaxObjectBytes / (1024 * 1024)} MiB limit");
                return false;
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, limit));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
        }

        _end += read;
        SkipByteOrderMark();
        return true;
    }

    private void SkipByteOrderMark()
    {
        if (_bomChecked || (_end - _start < 3 && !_final))
        {
            return;
        }

        _bomChecked = true;
        if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3;
        }
    }

    private StixInputItem Fatal(string reason)
    {
        int? index = _phase == Phase.InObjects ? _nextIndex : null;
        _phase = Phase.Done;
        return StixInputItem.Failure(index, LineAt(0), reason, fatal: true);
    }

    private static string Describe(JsonException ex) => JsonErrorText.Reason(ex);

    // On the final block the reader reports running out of input as a syntax error; say what it means here.
    private string DescribeReaderFailure(JsonException ex)
    {
        var reason = Describe(ex);
        if (reason.Contains("is invalid after a single JSON value", StringComparison.Ordinal))
        {
            return "unexpected content after the end of the bundle";
        }

        if (reason.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            // The reader's limit counts the bundle and its array; the person's limit is per object.
            return $"object #{_nextIndex} nests deeper than the {_options.MaxDepth}-level limit";
        }

        if (!_final)
        {
            return reason;
        }

        if (reason.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "the input is empty: expected a STIX bundle";
        }

        if (reason.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            return $"the input ends early (truncated JSON) after {_nextIndex} complete object(s)";
        }

        return reason;
    }

    private static string Describe(JsonTokenType token) => JsonErrorText.Describe(token);
}
