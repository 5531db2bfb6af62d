using Liaison.Core.Policy;

namespace Liaison.Core.Agreements;

/// <summary>
/// One release clause: which objects it selects, whether a second person must approve, and how each is sanitised
/// before it leaves. Transforms run in a fixed order — redaction, location coarsening, time rounding, source
/// pseudonymisation, markings — whatever order the document lists them in (activity notices are first reduced to
/// their release projection unless the clause says <c>notices: exact</c>). Immutable.
/// </summary>
public sealed class ReleaseClause
{
    internal ReleaseClause(int index, string name, ClauseSelector selector, ApprovalMode approval, IReadOnlyList<PropertyPath> redactions,
        double? precisionKm, TimeGranularity? timeRounding, TimeSpan? delay, TimeSpan? preciseAfter, IReadOnlyList<string>? timeReference,
        bool pseudonymiseSources, IReadOnlyList<MarkingName> addMarkings, bool exactNotices)
    {
        Index = index;
        Name = name;
        Selector = selector;
        Approval = approval;
        Redactions = redactions;
        PrecisionKm = precisionKm;
        TimeRounding = timeRounding;
        Delay = delay;
        PreciseAfter = preciseAfter;
        TimeReference = timeReference;
        PseudonymiseSources = pseudonymiseSources;
        AddMarkings = addMarkings;
        ExactNotices = exactNotices;
    }

    /// <summary>Position in the document, from 0.</summary>
    public int Index { get; }

    /// <summary>The clause's name (<c>release[N]</c> when the document gives none); recorded with every release.</summary>
    public string Name { get; }

    /// <summary>Which objects it selects.</summary>
    public ClauseSelector Selector { get; }

    /// <summary>Whether releases wait for a second person.</summary>
    public ApprovalMode Approval { get; }

    /// <summary>Properties removed.</summary>
    public IReadOnlyList<PropertyPath> Redactions { get; }

    /// <summary>Location grid size in km, or null to leave coordinates alone.</summary>
    public double? PrecisionKm { get; }

    /// <summary>Timestamps rounded down to this step, or null.</summary>
    public TimeGranularity? TimeRounding { get; }

    /// <summary>How long after its reference time an object is held back, or null.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>
    /// Graduated release: from this long after the reference time, the object goes out again without location
    /// coarsening and time rounding (redaction, pseudonymisation and markings still apply). Null for none.
    /// </summary>
    public TimeSpan? PreciseAfter { get; }

    /// <summary>The properties read for the reference time of <see cref="Delay"/> and <see cref="PreciseAfter"/>; null for modified, then created.</summary>
    public IReadOnlyList<string>? TimeReference { get; }

    /// <summary>Whether sources are replaced by per-partner pseudonyms.</summary>
    public bool PseudonymiseSources { get; }

    /// <summary>Markings added to every released object.</summary>
    public IReadOnlyList<MarkingName> AddMarkings { get; }

    /// <summary>
    /// Whether activity notices go out whole (<c>notices: exact</c>). By default they go out as their release
    /// projection — a circle holding the area, the altitude band and time window rounded outwards, no mission, unit or
    /// name (<see cref="Deconfliction.ActivityNoticeProjection"/>) — which runs before every other transform.
    /// </summary>
    public bool ExactNotices { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
