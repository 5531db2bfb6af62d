namespace Liaison.Storage;

/// <summary>Where a stored object version came from when it was pulled from a remote node.</summary>
/// <param name="Remote">The remote's name in this node.</param>
/// <param name="CollectionId">The remote collection it was read from.</param>
/// <param name="ReceivedAtMicroseconds">When this node stored it (Unix microseconds).</param>
public sealed record Provenance(string Remote, string CollectionId, long ReceivedAtMicroseconds);
