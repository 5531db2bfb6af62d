namespace Liaison.Core.Deconfliction;

/// <summary>
/// Two subjects closer than their separation minima in area, altitude and time at once. <see cref="Subject"/> is the
/// one checked, <see cref="Other"/> the one it meets; both are kept at home. What may be told to either side is
/// <see cref="Disclosure"/>. Immutable.
/// </summary>
/// <param name="Subject">The notice that was checked.</param>
/// <param name="Other">The notice or protected site it conflicts with.</param>
/// <param name="Minima">The minima that applied.</param>
/// <param name="LateralDistanceM">The great-circle distance between the two areas (0 when they meet).</param>
/// <param name="Overlap">Where, how high and when they meet.</param>
public sealed record Conflict(DeconflictionSubject Subject, DeconflictionSubject Other, SeparationMinima Minima, double LateralDistanceM, OverlapVolume Overlap)
{
    /// <summary>The minimal-disclosure report both sides receive: the overlap and the contact channels, nothing else.</summary>
    public ConflictDisclosure Disclosure =>
        new(Overlap, new[] { Subject.Contact, Other.Contact }.OfType<Contact>().ToArray(), Other.Kind == SubjectKind.ProtectedSite ? Other.Label : null);
}
