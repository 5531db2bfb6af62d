namespace Liaison.Core.Claims;

/// <summary>
/// Where a claim was read: the incident object and version that carries it, who made that object (its
/// <c>created_by_ref</c>: this node, or a partner whose incident joined ours) and the claim's position in it.
/// </summary>
/// <param name="IncidentId">The incident's STIX id.</param>
/// <param name="IncidentVersion">The incident version's <c>modified</c> (else <c>created</c>) timestamp.</param>
/// <param name="RecordedByRef">The incident's <c>created_by_ref</c>, when it has one.</param>
/// <param name="Index">The claim's index in the incident's <c>claims</c> list.</param>
public sealed record ClaimProvenance(string IncidentId, string? IncidentVersion, string? RecordedByRef, int Index);
