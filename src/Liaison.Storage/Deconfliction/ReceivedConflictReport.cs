using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Deconfliction;

/// <summary>A conflict report a partner sent us about one of our notices (its latest version, not revoked).</summary>
/// <param name="Partner">The partner that reported it.</param>
/// <param name="ReportId">The report's id (the partner's).</param>
/// <param name="Notice">Our notice as the partner named it: the id we released it under.</param>
/// <param name="OurNotice">Our own notice behind that released id; null when our release log does not know it.</param>
/// <param name="Disclosure">What the report discloses: <c>overlap</c>, <c>contacts</c>, <c>protected_category</c>.</param>
public sealed record ReceivedConflictReport(string Partner, string ReportId, string Notice, string? OurNotice, JsonObject Disclosure)
{
    /// <summary>The current conflict reports partners sent us, by partner, then by report id.</summary>
    public static IReadOnlyList<ReceivedConflictReport> All(SqliteStixStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reports = new List<ReceivedConflictReport>();
        foreach (var stored in store.Query(new ObjectQuery { Types = [LiaisonExtensions.ConflictReportType], Limit = ConflictReports.MaxReports }))
        {
            var json = stored.ToJsonElement();
            if (store.ProvenanceOf(stored.Id) is [var provenance, ..] && ConflictReport.NoticeOf(json) is { } notice)
            {
                reports.Add(new ReceivedConflictReport(provenance.Remote, stored.Id, notice, store.ReleasedSourceOf(provenance.Remote, notice), ConflictReport.DisclosureOf(json)));
            }
        }

        return reports.OrderBy(r => r.Partner, StringComparer.Ordinal).ThenBy(r => r.ReportId, StringComparer.Ordinal).ToList();
    }
}
