namespace Liaison.Core.Deconfliction;

/// <summary>
/// Something that takes room: an activity notice (ours or a partner's) or a protected site, reduced to what
/// deconfliction needs. Immutable.
/// </summary>
/// <param name="Id">The STIX id of the notice or the site's <c>location</c>.</param>
/// <param name="Kind">What it is and whose.</param>
/// <param name="Domain">The activity's domain; null for a protected site.</param>
/// <param name="Status">The notice's status; <see cref="NoticeStatus.Active"/> for a protected site.</param>
/// <param name="Volume">Where, how high and when.</param>
/// <param name="Contact">Who to call about the activity; null for a protected site.</param>
/// <param name="Label">A name for people: the notice's name or the site's category.</param>
public sealed record DeconflictionSubject(
    string Id,
    SubjectKind Kind,
    ActivityDomain? Domain,
    NoticeStatus Status,
    Volume Volume,
    Contact? Contact,
    string? Label)
{
    /// <summary>Whether two subjects are compared at all: never two sites, never two partners' notices (theirs to settle).</summary>
    public bool IsComparableWith(DeconflictionSubject other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Id != Id
            && Status != NoticeStatus.Cancelled && other.Status != NoticeStatus.Cancelled
            && AreCompared(Kind, other.Kind);
    }

    /// <summary>Whether subjects of these kinds are compared: never two sites, never two partners' notices.</summary>
    internal static bool AreCompared(SubjectKind a, SubjectKind b) =>
        !(a == SubjectKind.ProtectedSite && b == SubjectKind.ProtectedSite)
        && !(a == SubjectKind.PartnerNotice && b == SubjectKind.PartnerNotice);
}
