using Liaison.Core.Canonical;
using Liaison.Core.Stix;

namespace Liaison.Storage.Ingest;

/// <summary>An object read and checked off the writer's thread: validated, hashed and compacted, or rejected.</summary>
internal sealed record PreparedObject(
    int Index,
    long Line,
    StixObject? Object,
    ContentHash Hash,
    byte[]? Utf8Json,
    IndexFacts? Facts,
    IReadOnlyList<string> MarkingRefs,
    IReadOnlyList<StixError> Errors,
    bool Fatal);
