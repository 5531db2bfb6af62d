using Liaison.Core.Input;

namespace Liaison.Storage.Ingest;

/// <summary>How an input is ingested.</summary>
public sealed record IngestOptions
{
    /// <summary>
    /// Store the valid objects of an input that has invalid ones (which are listed). By default an input with any
    /// invalid object is rejected whole and nothing of it is stored.
    /// </summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Size and depth bounds for reading.</summary>
    public StixReaderOptions Reader { get; init; } = StixReaderOptions.Default;

    /// <summary>At most this many errors are listed per input; the rest are counted.</summary>
    public int MaxListedErrors { get; init; } = 1000;

    /// <summary>
    /// Objects whose marking definitions have not been seen yet wait for them, up to this many per input; beyond
    /// that an unresolved marking is an error at once (bounds memory on hostile input).
    /// </summary>
    public int MaxPendingForMarkings { get; init; } = 10_000;
}
