using Liaison.Server.Sync;
using Liaison.Storage.Taxii;

namespace Liaison.Server.Taxii;

/// <summary>
/// A POSTed envelope after validation, waiting for the <see cref="EnvelopeWriter"/>: its valid objects prepared for
/// writing, the invalid ones already listed as failures, and the request that waits for the status.
/// </summary>
internal sealed class PostedEnvelope(string principal, Guid collectionId, long requestedMicroseconds, IReadOnlyList<PreparedObject> valid, IReadOnlyList<TaxiiStatusDetail> invalid)
{
    /// <summary>Who posted it: a partner's principal writing to its inbound collection gets the agreement's inbound rules.</summary>
    public string Principal => principal;

    public Guid CollectionId => collectionId;

    /// <summary>When the request arrived (the status's <c>request_timestamp</c>, and the provenance of what a partner sends).</summary>
    public long RequestedMicroseconds => requestedMicroseconds;

    /// <summary>The valid objects, in the envelope's order.</summary>
    public IReadOnlyList<PreparedObject> Valid => valid;

    /// <summary>The objects validation refused, with their reasons.</summary>
    public IReadOnlyList<TaxiiStatusDetail> Invalid => invalid;

    /// <summary>Completed with the envelope's status once its objects are committed, or with the failure that stopped them.</summary>
    public TaskCompletionSource<TaxiiStatus> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
