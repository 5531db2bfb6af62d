namespace Liaison.Core.Deconfliction;

/// <summary>What a deconfliction subject is and whose it is.</summary>
public enum SubjectKind
{
    /// <summary>An activity notice of this node.</summary>
    OwnNotice,

    /// <summary>An activity notice a partner released to us (stored with a partner's provenance).</summary>
    PartnerNotice,

    /// <summary>A protected site (hospital, school, aid convoy…): an activity must keep clear of it.</summary>
    ProtectedSite,
}
