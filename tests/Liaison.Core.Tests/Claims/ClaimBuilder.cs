using Liaison.Core.Claims;
using Liaison.Core.Stix;

namespace Liaison.Core.Tests.Claims;

/// <summary>Claims for reconciliation cases, in the seed's terms: SANA and OSDH (both graded C in the demo) and others.</summary>
internal static class ClaimBuilder
{
    public const string Sana = "identity--a03729ff-19af-43a0-811f-0d6f6fb5a026";
    public const string Osdh = "identity--7395466f-51c1-4386-8c82-70fb9ca10afb";
    public const string Afp = "identity--50bbe2f5-1df7-4040-b213-d0b3031d4190";
    public const string Unknown = "identity--0b9f2a6e-3c55-4f3c-9a47-7c1c2b0e9f10";
    public const string Other = "identity--5d6c8f3a-2b1e-4c7d-8e9f-0a1b2c3d4e5f";

    public static CasualtyClaim Claim(string source, int? killed = null, int? injured = null, string? killedText = null, string? injuredText = null,
        int? credibility = 3, string reportedAt = "2015-12-14T00:00:00Z") =>
        new(source, new ReportedFigure(killed, killedText), new ReportedFigure(injured, injuredText), StixTimestamp.Parse(reportedAt), credibility);

    /// <summary>SANA and OSDH are graded C, AFP B, the others not at all.</summary>
    public static char? Reliability(string source) => source switch
    {
        Sana or Osdh => 'C',
        Afp => 'B',
        _ => null,
    };

    public static ReconciledClaims Reconcile(params CasualtyClaim[] claims) => ClaimReconciler.Reconcile(claims, Reliability);
}
