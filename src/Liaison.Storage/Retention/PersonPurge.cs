namespace Liaison.Storage.Retention;

/// <summary>
/// The audit record of one purge: which record went, when, by whose hand, and the content hash (SHA-256 of the RFC 8785
/// form) of every version removed, so that what was purged can be proven later without keeping it.
/// </summary>
/// <param name="Seq">Position in the purge log (increasing).</param>
/// <param name="ObjectId">The purged record's id.</param>
/// <param name="ReviewBy">The review-by date that had passed.</param>
/// <param name="ContentHashes">The content hash of each version removed, oldest first.</param>
/// <param name="PurgedAtMicroseconds">When (Unix microseconds).</param>
/// <param name="PurgedBy">Who ran the purge.</param>
public sealed record PersonPurge(long Seq, string ObjectId, string ReviewBy, IReadOnlyList<byte[]> ContentHashes, long PurgedAtMicroseconds, string PurgedBy);
