using System.Text.Json.Nodes;
using Liaison.Core.Agreements;
using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Agreements;

public sealed class ConflictReportPolicyTests
{
    private static readonly DateTimeOffset Now = new(2015, 12, 20, 12, 0, 0, TimeSpan.Zero);

    private const string Allowing = """
        partner: RUS
        version: 1
        release:
          - name: conflicts
            kinds: [conflict-report]
        accept:
          kinds: [conflict-report]
        """;

    private const string Silent = """
        partner: RUS
        version: 1
        release:
          - name: deconfliction
            kinds: [activity-notice]
        """;

    [Fact]
    public void A_report_about_the_partner_notice_goes_out_under_a_clause_naming_conflict_report()
    {
        var decision = Policy(Allowing).Decide(Candidate("RUS"), Now);

        Assert.Equal((ReleaseOutcome.Release, "conflicts"), (decision.Outcome, decision.Clause!.Name));
    }

    [Fact]
    public void Without_a_clause_naming_conflict_report_no_report_leaves()
    {
        var decision = Policy(Silent).Decide(Candidate("RUS"), Now);

        Assert.Equal(ReleaseOutcome.Denied, decision.Outcome);
        Assert.Contains("no clause selects this x-liaison-conflict-report/conflict-report", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UKR")]
    [InlineData(null)]
    public void A_report_about_another_partner_notice_or_none_never_goes_to_this_partner(string? owner)
    {
        var decision = Policy(Allowing).Decide(Candidate(owner), Now);

        Assert.Equal(ReleaseOutcome.Denied, decision.Outcome);
        Assert.Contains("a conflict report goes only to the partner whose notice it names", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agreement_accepts_conflict_reports_by_their_kind()
    {
        var accept = AgreementParser.Parse(Allowing).Accept;

        Assert.Null(accept.RejectionReason(ReleasePolicyTests.Candidate(Report()).Content));
        Assert.Contains("not accepted", AgreementParser.Parse(Silent).Accept.RejectionReason(ReleasePolicyTests.Candidate(Report()).Content), StringComparison.Ordinal);
    }

    private static ReleasePolicy Policy(string agreement) => new(AgreementParser.Parse(agreement), ReleasePolicyTests.Secret);

    private static ReleaseCandidate Candidate(string? noticeOwner) => ReleasePolicyTests.Candidate(Report()) with { NoticeOriginator = noticeOwner };

    private static JsonObject Report() => JsonNode.Parse($$"""
        {
          "type": "x-liaison-conflict-report", "spec_version": "2.1",
          "id": "x-liaison-conflict-report--cc89f7ed-b969-50c9-ad9a-f0183f6bc4cb",
          "created": "2015-12-14T09:00:00.000Z", "modified": "2015-12-14T09:00:00.000Z",
          "notice_ref": "x-liaison-activity-notice--32d2871a-3b05-5917-89b5-ae34a93ae7ef",
          "overlap": { "bbox": [34.9, 34.9, 35.5, 35.5], "altitude_band": { "lower_m": 0, "upper_m": 100 },
                       "start_time": "2015-12-15T23:45:00Z", "end_time": "2015-12-20T00:15:00Z" },
          "contacts": [{ "channel": "radio", "address": "VHF channel 16" }],
          "extensions": { "{{LiaisonExtensions.ConflictReportId}}": { "extension_type": "new-sdo" } }
        }
        """)!.AsObject();
}
