namespace Liaison.Storage;

/// <summary>Counts that describe a store.</summary>
/// <param name="Objects">Distinct object ids.</param>
/// <param name="Versions">Stored versions in all.</param>
/// <param name="Revoked">Objects whose latest version is revoked.</param>
/// <param name="ByType">Distinct objects per type, largest first.</param>
/// <param name="LocatedObjects">Objects placed at a known point.</param>
/// <param name="TextIndexBacklog">Versions not yet in the full-text index.</param>
/// <param name="DatabaseBytes">Size of the database file and its write-ahead log.</param>
public sealed record StoreStatistics(
    long Objects,
    long Versions,
    long Revoked,
    IReadOnlyList<(string Type, long Count)> ByType,
    long LocatedObjects,
    long TextIndexBacklog,
    long DatabaseBytes);
