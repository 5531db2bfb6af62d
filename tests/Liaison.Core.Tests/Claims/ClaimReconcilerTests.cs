using Liaison.Core.Claims;
using static Liaison.Core.Tests.Claims.ClaimBuilder;

namespace Liaison.Core.Tests.Claims;

public sealed class ClaimReconcilerTests
{
    private static void AssertEstimate(FigureEstimate estimate, int? low, int? best, int? high, int? conservative, bool disputed)
    {
        Assert.Equal(low, estimate.Low);
        Assert.Equal(best, estimate.Best);
        Assert.Equal(high, estimate.High);
        Assert.Equal(conservative, estimate.Conservative);
        Assert.Equal(disputed, estimate.Disputed);
    }

    [Fact]
    public void One_source_only_is_its_own_figure_and_never_disputed()
    {
        // Barza: SANA, 1 killed and 9 injured.
        var view = Reconcile(Claim(Sana, killed: 1, injured: 9));

        AssertEstimate(view.Killed, 1, 1, 1, 1, false);
        AssertEstimate(view.Injured, 9, 9, 9, 9, false);
        Assert.Equal(ClaimStanding.Credible, view.Killed.Basis);
        Assert.Equal([0], view.Killed.Counted);
    }

    [Fact]
    public void Sources_that_agree_give_one_undisputed_figure()
    {
        // Aleppo: SANA 3 killed (girls) and 2 injured, OSDH 3 killed (sisters); both credibility 2.
        var view = Reconcile(Claim(Sana, killed: 3, injured: 2, credibility: 2), Claim(Osdh, killed: 3, credibility: 2));

        AssertEstimate(view.Killed, 3, 3, 3, 3, false);
        Assert.Equal([0, 1], view.Killed.Counted);
        AssertEstimate(view.Injured, 2, 2, 2, 2, false);
        Assert.Equal([0], view.Injured.Counted);
    }

    [Fact]
    public void Contradictory_sources_give_a_range_the_lowest_figure_and_a_dispute()
    {
        // Suqaylabiyah: SANA 2 killed and 8 injured, OSDH 25 injured; both C3. 25 - 8 = 17 > max(2, 25 / 5 = 5).
        var view = Reconcile(Claim(Sana, killed: 2, injured: 8), Claim(Osdh, injured: 25));

        AssertEstimate(view.Killed, 2, 2, 2, 2, false);
        AssertEstimate(view.Injured, 8, 8, 25, 8, true);
        Assert.Equal(0, view.Injured.BestFrom);
    }

    [Fact]
    public void The_more_credible_claim_gives_the_best_estimate()
    {
        // OSDH's 25 graded 2 (probably true) outranks SANA's 8 graded 3.
        var view = Reconcile(Claim(Sana, injured: 8, credibility: 3), Claim(Osdh, injured: 25, credibility: 2));

        AssertEstimate(view.Injured, 8, 25, 25, 8, true);
    }

    [Theory]
    [InlineData(10, 12, false)] // 2 <= max(2, 12 * 20 % = 2)
    [InlineData(10, 13, true)] // 3 > max(2, 2)
    [InlineData(100, 125, false)] // 25 <= 25
    [InlineData(100, 126, true)] // 26 > 25
    public void Disagreement_within_the_tolerance_is_not_a_dispute(int sana, int osdh, bool disputed) =>
        Assert.Equal(disputed, Reconcile(Claim(Sana, killed: sana), Claim(Osdh, killed: osdh)).Killed.Disputed);

    [Fact]
    public void A_vague_figure_alone_gives_its_range_and_its_low_end_as_the_conservative_figure()
    {
        // Hamadaniyah: OSDH "plusieurs" injured, nothing on the dead.
        var view = Reconcile(Claim(Osdh, injuredText: "plusieurs"));

        AssertEstimate(view.Injured, 2, 5, 9, 2, false);
        AssertEstimate(view.Killed, null, null, null, null, false);
    }

    [Fact]
    public void A_vague_figure_that_overlaps_a_number_agrees_with_it_and_the_number_is_preferred()
    {
        var view = Reconcile(Claim(Sana, injured: 8), Claim(Osdh, injuredText: "plusieurs"));

        // Low 2 ("plusieurs"), high 9; 8 lies in 2-9 so no dispute; equal grades: the exact number is the best and the conservative figure.
        AssertEstimate(view.Injured, 2, 8, 9, 8, false);
    }

    [Fact]
    public void A_vague_figure_far_from_a_number_is_a_dispute()
    {
        // "des dizaines" is at least 10; 10 - 2 = 8 > max(2, 10 / 5).
        var view = Reconcile(Claim(Sana, killed: 2), Claim(Osdh, killedText: "des dizaines"));

        AssertEstimate(view.Killed, 2, 2, 99, 2, true);
    }

    [Fact]
    public void Ungraded_sources_are_not_counted_when_a_credible_one_speaks()
    {
        var view = Reconcile(Claim(Sana, killed: 2), Claim(Unknown, killed: 40, credibility: null));

        AssertEstimate(view.Killed, 2, 2, 2, 2, false);
        Assert.Equal(ClaimStanding.Credible, view.Killed.Basis);
        Assert.Equal(ClaimStanding.Ungraded, view.Claims[1].Grade.Standing);
        Assert.Equal(2, view.Claims.Count);
    }

    [Fact]
    public void Ungraded_sources_are_counted_when_no_source_is_graded()
    {
        var view = Reconcile(Claim(Unknown, killed: 10, credibility: null), Claim(Other, killed: 14, credibility: 6));

        // 14 - 10 = 4 > max(2, 14 / 5 = 2).
        AssertEstimate(view.Killed, 10, 10, 14, 10, true);
        Assert.Equal(ClaimStanding.Ungraded, view.Killed.Basis);
    }

    [Fact]
    public void Doubtful_claims_count_only_when_nothing_better_exists()
    {
        Assert.Equal(ClaimStanding.Doubtful, Reconcile(Claim(Sana, killed: 7, credibility: 5)).Killed.Basis);

        var view = Reconcile(Claim(Sana, killed: 7, credibility: 5), Claim(Other, killed: 3, credibility: null));
        AssertEstimate(view.Killed, 3, 3, 3, 3, false);
        Assert.Equal(ClaimStanding.Ungraded, view.Killed.Basis);
    }

    [Fact]
    public void A_missing_figure_is_silence_not_zero()
    {
        var view = Reconcile(Claim(Osdh, injured: 25), Claim(Sana, injured: 8));

        AssertEstimate(view.Killed, null, null, null, null, false);
        Assert.Null(view.Killed.Basis);
        Assert.Empty(view.Killed.Counted);
    }

    [Fact]
    public void A_source_update_replaces_its_earlier_word_which_stays_listed()
    {
        var view = Reconcile(
            Claim(Osdh, killed: 10, reportedAt: "2015-12-14T10:00:00Z"),
            Claim(Osdh, killed: 25, reportedAt: "2015-12-15T10:00:00Z"));

        AssertEstimate(view.Killed, 25, 25, 25, 25, false);
        Assert.Equal([1], view.Killed.Counted);
        Assert.Equal(2, view.Claims.Count);
    }

    [Fact]
    public void Wording_that_cannot_be_read_is_kept_but_not_counted()
    {
        var view = Reconcile(Claim(Osdh, injuredText: "des blessés"));

        Assert.True(view.Claims[0].Claim.Injured.IsUnreadable);
        AssertEstimate(view.Injured, null, null, null, null, false);
    }

    [Fact]
    public void A_partners_claims_join_ours_as_separate_claims()
    {
        var ours = Claim(Sana, killed: 2, injured: 8) with { Provenance = new ClaimProvenance("incident--bec21183-c425-4af8-b526-7bb5c97f8899", null, "identity--99e65e01-7b2a-4f9e-9cc3-e9b771c7287c", 0) };
        var theirs = Claim(Afp, killed: 2, injured: 9, credibility: null) with { Provenance = new ClaimProvenance("incident--c3a5f1d2-1b2c-4d3e-8f4a-5b6c7d8e9f01", null, "identity--1d0f6a52-0a1b-4c2d-9e3f-4a5b6c7d8e9f", 0) };

        var view = Reconcile(ours, theirs);

        Assert.Equal([ours, theirs], view.Claims.Select(c => c.Claim));
        // AFP (B, information not graded) → 70 outranks SANA's C3 → 50.
        AssertEstimate(view.Injured, 8, 9, 9, 8, false);
    }
}
