using Liaison.Cli.Deconfliction;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Deconfliction;
using Liaison.Core.Ledger;
using Liaison.Storage.Deconfliction;

namespace Liaison.Cli.Demo;

/// <summary>
/// The demo's conflict reports: each side found the conflict between the carrier group and the fleet station when the
/// other's notice arrived, and told the other as a report of its own. Each report must carry the partner's own notice,
/// the overlap and the contacts, nothing of the reporter's notice, and be in the receiver's ledger with the hash the
/// reporter logged when it found the conflict.
/// </summary>
internal static class DemoConflictReports
{
    private const string FleetNotice = "x-liaison-activity-notice--c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e15";

    /// <summary>What a report may hold: the STIX common properties it uses, the notice, the overlap, the contacts, a site's category.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "type", "spec_version", "id", "created_by_ref", "created", "modified", "extensions",
        "notice_ref", "overlap", "contacts", "protected_category",
    };

    public static void Show(CliOutput output, DemoChecks checks, NodeHome fra, NodeHome rus, IReadOnlyList<ArrivedConflict> foundByFra)
    {
        output.Heading("Conflict reports: each side tells the other, with the overlap and the contacts only");
        var atFra = Received(fra);
        var atRus = Received(rus);
        output.Table(null, ["received by", "from", "about its notice", "overlap box", "overlap altitude", "overlap window", "contacts", "protected site"],
            atFra.Select(r => (IReadOnlyList<string>)["FRA", .. DeconflictionRows.ReceivedRow(r)])
                .Concat(atRus.Select(r => (IReadOnlyList<string>)["RUS", .. DeconflictionRows.ReceivedRow(r)])));

        var fromRus = atFra.Where(r => r.Partner == "RUS").ToList();
        checks.Expect(fromRus is [{ OurNotice: DemoExchange.CarrierNotice } report]
            && OnlyTheDisclosure(fra, report, FleetNotice, "Northern fleet", "cruise missile", "cruiser group") && Logged(fra, "RUS", report),
            "FRA received RUS's conflict report about its carrier group: the overlap and the contacts, nothing of RUS's fleet notice; listed and in FRA's ledger");
        var fromFra = atRus.Where(r => r.Partner == "FRA").ToList();
        checks.Expect(fromFra is [{ OurNotice: FleetNotice } theirs]
            && OnlyTheDisclosure(rus, theirs, DemoExchange.CarrierNotice, "Carrier group", "CHAMMAL", "TF 473") && Logged(rus, "FRA", theirs)
            && foundByFra is [var found] && ConflictDisclosure.HashOf(theirs.Disclosure) == ConflictDisclosure.HashOf(found.Disclosure),
            "RUS received FRA's report about its fleet station, logged with the very hash FRA recorded when it found the conflict");
    }

    private static IReadOnlyList<ReceivedConflictReport> Received(NodeHome home)
    {
        using var store = home.OpenStore();
        return ReceivedConflictReport.All(store);
    }

    private static bool OnlyTheDisclosure(NodeHome receiver, ReceivedConflictReport report, params string[] forbidden)
    {
        using var store = receiver.OpenStore();
        var json = store.Get(report.ReportId)!.ToJsonElement();
        var text = json.GetRawText();
        return json.EnumerateObject().All(p => Allowed.Contains(p.Name)) && !forbidden.Any(f => text.Contains(f, StringComparison.Ordinal));
    }

    private static bool Logged(NodeHome receiver, string partner, ReceivedConflictReport report)
    {
        using var store = receiver.OpenStore();
        return store.FindLedgerEntries(report.ReportId, partner).Any(e => e.Entry.Kind == LedgerEntryKind.DeconflictionReport
            && e.Entry.ContentHash == ConflictDisclosure.HashOf(report.Disclosure));
    }
}
