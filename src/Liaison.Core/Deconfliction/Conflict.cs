namespace Liaison.Core.Deconfliction;

/// <summary>
/// Two subjects closer than their separation minima in area, altitude and time at once. <see cref="Subject"/> is the
/// one checked, <see cref="Other"/> the one it meets; both are kept at home. What may be told to either side is
/// <see cref="Disclosure"/>. The overlap volume and the lateral distance are worked out on first use, so finding
/// conflicts does not pay for reports nobody reads. Immutable and thread safe.
/// </summary>
public sealed class Conflict
{
    private readonly Lazy<OverlapVolume> _overlap;
    private double _lateralDistanceM;
    private volatile bool _lateralDistanceKnown;

    /// <summary>Records a conflict found by <see cref="ConflictDetector"/>.</summary>
    /// <param name="subject">The notice that was checked.</param>
    /// <param name="other">The notice or protected site it conflicts with.</param>
    /// <param name="minima">The minima that applied.</param>
    internal Conflict(DeconflictionSubject subject, DeconflictionSubject other, SeparationMinima minima)
    {
        Subject = subject;
        Other = other;
        Minima = minima;
        _overlap = new Lazy<OverlapVolume>(() => ConflictDetector.OverlapOf(subject.Volume, other.Volume, minima));
    }

    /// <summary>The notice that was checked.</summary>
    public DeconflictionSubject Subject { get; }

    /// <summary>The notice or protected site it conflicts with.</summary>
    public DeconflictionSubject Other { get; }

    /// <summary>The minima that applied (the stricter of the two domains').</summary>
    public SeparationMinima Minima { get; }

    /// <summary>The great-circle distance in metres between the two areas (0 when they meet).</summary>
    public double LateralDistanceM
    {
        get
        {
            // Working it out twice in a race gives the same value; the flag is set only once the value is written.
            if (!_lateralDistanceKnown)
            {
                _lateralDistanceM = Subject.Volume.Area.DistanceM(Other.Volume.Area);
                _lateralDistanceKnown = true;
            }

            return _lateralDistanceM;
        }
    }

    /// <summary>Where, how high and when the two volumes, each grown by half the minima, meet.</summary>
    public OverlapVolume Overlap => _overlap.Value;

    /// <summary>The minimal-disclosure report both sides receive: the overlap and the contact channels, nothing else.</summary>
    public ConflictDisclosure Disclosure =>
        new(Overlap, new[] { Subject.Contact, Other.Contact }.OfType<Contact>().ToArray(), Other.Kind == SubjectKind.ProtectedSite ? Other.Label : null);
}
