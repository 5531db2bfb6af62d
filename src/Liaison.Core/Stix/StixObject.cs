using System.Text.Encodings.Web;
using System.Text.Json;

namespace Liaison.Core.Stix;

/// <summary>
/// A validated STIX 2.1 object. The JSON is kept whole, so unknown, custom and extension properties, number
/// texts and timestamp precision survive a round trip; the common properties are lifted out for indexing.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed class StixObject
{
    internal StixObject(JsonElement json, StixId id, StixTimestamp? created, StixTimestamp? modified, bool revoked)
    {
        Json = json;
        Id = id;
        Created = created;
        Modified = modified;
        Revoked = revoked;
    }

    /// <summary>The object's JSON (a standalone element, not tied to any pooled document).</summary>
    public JsonElement Json { get; }

    /// <summary>The object's identifier.</summary>
    public StixId Id { get; }

    /// <summary>The object's type, e.g. <c>indicator</c>.</summary>
    public string Type => Id.Type;

    /// <summary>When the object was first created; absent on cyber-observables.</summary>
    public StixTimestamp? Created { get; }

    /// <summary>When this version was made; absent on cyber-observables and marking definitions.</summary>
    public StixTimestamp? Modified { get; }

    /// <summary>
    /// The timestamp that orders versions of this object: <c>modified</c>, else <c>created</c>, else none
    /// (an unversioned object such as a cyber-observable has a single version).
    /// </summary>
    public StixTimestamp? Version => Modified ?? Created;

    /// <summary>Whether this version revokes the object.</summary>
    public bool Revoked { get; }

    /// <summary>The object as compact UTF-8 JSON, property order and number texts as received.</summary>
    public byte[] ToUtf8Bytes()
    {
        // One buffer and writer per thread: a fresh writer rents 4 KiB or more per call, which on the ingest path
        // was most of the garbage made per object.
        var scratch = t_scratch ??= new CompactScratch();
        scratch.Buffer.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Buffer);
        Json.WriteTo(scratch.Writer);
        scratch.Writer.Flush();
        return scratch.Buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static CompactScratch? t_scratch;

    private sealed class CompactScratch
    {
        public CompactScratch() => Writer = new Utf8JsonWriter(Buffer, CompactWriterOptions);

        public System.Buffers.ArrayBufferWriter<byte> Buffer { get; } = new(4096);

        public Utf8JsonWriter Writer { get; }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Version?.Text ?? "unversioned"})";

    /// <summary>Writer options for compact, readable (non-ASCII kept as UTF-8) output.</summary>
    public static readonly JsonWriterOptions CompactWriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };
}
