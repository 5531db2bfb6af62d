namespace Liaison.Storage.Retention;

/// <summary>A person-of-interest record whose latest version's review-by date has passed: the next purge removes it.</summary>
/// <param name="ObjectId">The identity or threat-actor id.</param>
/// <param name="ReviewBy">The latest version's <c>review_by</c>, as written.</param>
/// <param name="Versions">How many versions are stored (all go).</param>
public sealed record ExpiredPerson(string ObjectId, string ReviewBy, int Versions);
