namespace Liaison.Storage.Deconfliction;

/// <summary>A stored notice or protected site and, when a partner released it to us, the remote it came from.</summary>
/// <param name="Stored">The latest stored version.</param>
/// <param name="Remote">The remote it was pulled from; null for our own.</param>
public sealed record DeconflictionRecord(StoredObject Stored, string? Remote);
