using System.Collections.Concurrent;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;

namespace Liaison.Core.Agreements;

/// <summary>
/// An agreement made executable for one partner: decides, for each internal object, whether it goes out, under which
/// clause, when, and through which transforms. Default deny. The first clause (in document order) that selects an
/// object governs it. A pure function of the candidate and the instant given; thread safe.
/// </summary>
/// <remarks>
/// Guards that hold whatever the clauses say: the ledger's own objects are never released by a clause; an object
/// received from a partner never goes back to it, nor on to another partner unless its markings allow it (TLP:CLEAR,
/// or a releasability statement naming that partner); TLP:RED and persons of interest need a clause that names them
/// (<see cref="ClauseSelector"/>); a conflict report goes only to the partner whose notice it names.
/// </remarks>
public sealed class ReleasePolicy
{
    private static readonly ActivityNoticeProjection NoticeProjection = new();

    private readonly ClauseTransforms[] _clauses;

    /// <summary>Compiles <paramref name="agreement"/> with the partner's pseudonymisation secret.</summary>
    /// <param name="agreement">The agreement in force.</param>
    /// <param name="partnerSecret">Random bytes known only to this node, one secret per partner (at least 16).</param>
    public ReleasePolicy(Agreement agreement, ReadOnlySpan<byte> partnerSecret)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        Agreement = agreement;
        Ids = new ReleasedIds(partnerSecret);
        var pseudonyms = new SourcePseudonymisation(partnerSecret);
        _clauses = agreement.Release.Select(clause => new ClauseTransforms(clause, pseudonyms)).ToArray();
    }

    /// <summary>The agreement compiled.</summary>
    public Agreement Agreement { get; }

    /// <summary>The partner's released-id mapping (from the same secret).</summary>
    public ReleasedIds Ids { get; }

    /// <summary>Decides what happens to <paramref name="candidate"/> at <paramref name="now"/>.</summary>
    public ReleaseDecision Decide(in ReleaseCandidate candidate, DateTimeOffset now)
    {
        var kinds = ObjectKinds.Of(candidate.Content);
        if (ObjectKinds.Protocol.Contains(kinds[0]))
        {
            return ReleaseDecision.Deny("ledger objects are never released by a clause");
        }

        if (kinds[0] == LiaisonExtensions.ConflictReportType && !string.Equals(candidate.NoticeOriginator, Agreement.Partner, StringComparison.Ordinal))
        {
            // It tells the owner of a notice about its notice: no one else has any business with it.
            return ReleaseDecision.Deny($"a conflict report goes only to the partner whose notice it names ({candidate.NoticeOriginator ?? "none of a partner's"})");
        }

        var markings = candidate.MarkingIds();
        if (candidate.Originator is { } originator)
        {
            if (originator == Agreement.Partner)
            {
                return ReleaseDecision.Deny($"received from {originator}: never sent back");
            }

            if (!candidate.ReleasableTo.Contains(Agreement.Partner) && !markings.Overlaps(MarkingName.ClearIds))
            {
                return ReleaseDecision.Deny($"received from {originator}, whose markings do not allow release to {Agreement.Partner}");
            }
        }

        foreach (var clause in _clauses)
        {
            if (clause.Clause.Selector.Mismatch(candidate, kinds, markings, now) is null)
            {
                return clause.Decide(candidate, now);
            }
        }

        return ReleaseDecision.Deny($"no clause selects this {string.Join("/", kinds)}");
    }

    /// <summary>A clause with its transforms built once (and again only for a partner's coarser precision floor).</summary>
    private sealed class ClauseTransforms
    {
        private readonly SourcePseudonymisation _pseudonyms;
        private readonly ConcurrentDictionary<double, StixTransform> _coarseByPrecision = new();
        private readonly StixTransform _coarse;
        private readonly StixTransform _precise;
        private readonly Embargo? _delay;
        private readonly Embargo? _preciseAfter;

        public ClauseTransforms(ReleaseClause clause, SourcePseudonymisation pseudonyms)
        {
            Clause = clause;
            _pseudonyms = pseudonyms;
            _coarse = Build(clause.PrecisionKm);
            _precise = clause.PreciseAfter is null ? _coarse : Build(precisionKm: null, precise: true);
            _delay = clause.Delay is { } delay ? new Embargo(delay, clause.TimeReference) : null;
            _preciseAfter = clause.PreciseAfter is { } after ? new Embargo(after, clause.TimeReference) : null;
        }

        public ReleaseClause Clause { get; }

        public ReleaseDecision Decide(in ReleaseCandidate candidate, DateTimeOffset now)
        {
            var reason = $"clause '{Clause.Name}'";
            if (_delay?.Evaluate(candidate.Content, now) is { IsReleasable: false } held)
            {
                return new ReleaseDecision { Outcome = ReleaseOutcome.Embargoed, Clause = Clause, Reason = reason, NotBefore = held.ReleasableAt };
            }

            var preciseAt = _preciseAfter?.Evaluate(candidate.Content, now);
            var precise = preciseAt is { IsReleasable: true };
            double? precision = null;
            StixTransform transforms;
            if (precise)
            {
                transforms = _precise;
            }
            else if (Clause.PrecisionKm is { } requested)
            {
                precision = CoarseningFloor.Effective(requested, candidate.PreviouslyReleasedPrecisionKm);
                // Grids of different sizes are not nested: a finer release after a coarser one would narrow the point down.
                transforms = precision == requested ? _coarse : _coarseByPrecision.GetOrAdd(precision.Value, p => Build(p));
            }
            else
            {
                transforms = _coarse;
            }

            return new ReleaseDecision
            {
                Outcome = Clause.Approval == ApprovalMode.Manual ? ReleaseOutcome.AwaitingApproval : ReleaseOutcome.Release,
                Clause = Clause,
                Reason = reason,
                Transforms = transforms,
                PrecisionKm = precision,
                IsPrecise = precise,
                PreciseAt = preciseAt?.ReleasableAt,
            };
        }

        private TransformSet Build(double? precisionKm, bool precise = false)
        {
            var steps = new List<StixTransform>();
            if (!Clause.ExactNotices)
            {
                steps.Add(NoticeProjection);
            }

            if (Clause.Redactions.Count > 0)
            {
                steps.Add(new Redaction(Clause.Redactions));
            }

            if (!precise && precisionKm is { } km)
            {
                steps.Add(new LocationCoarsening(km));
            }

            if (!precise && Clause.TimeRounding is { } step)
            {
                steps.Add(new TimeRounding(step));
            }

            if (Clause.PseudonymiseSources)
            {
                steps.Add(_pseudonyms);
            }

            if (Clause.AddMarkings.Count > 0)
            {
                steps.Add(new MarkingAddition(
                    Clause.AddMarkings.Where(m => m.Statement is null).Select(m => m.AddedId),
                    Clause.AddMarkings.Where(m => m.Statement is not null).Select(m => m.Statement!)));
            }

            return new TransformSet(steps);
        }
    }
}
